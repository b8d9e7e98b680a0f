using OrderEngine.Runtime.Hosting;
namespace OrderEngine.Runtime.Activations;

/// <summary>The local activations of one [StatelessWorker] grain id: an idle one takes the call, else a new one while under the limit.</summary>
internal sealed class StatelessWorkerPool(GrainId grainId, GrainClassInfo grainClass)
{
    private readonly Lock _lock = new();
    private readonly List<ActivationData> _workers = [];
    private int _next;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _workers.Count;
            }
        }
    }

    public ActivationData[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _workers];
        }
    }

    public ActivationData Pick(SiloRuntime runtime, out bool created)
    {
        lock (_lock)
        {
            foreach (var worker in _workers)
            {
                if (worker.State == ActivationState.Valid && worker.IsIdle)
                {
                    created = false;
                    return worker;
                }
            }

            if (_workers.Count < grainClass.MaxLocalWorkers)
            {
                var worker = new ActivationData(grainId, grainClass, runtime);
                _workers.Add(worker);
                created = true;
                return worker;
            }

            created = false;
            return _workers[_next++ % _workers.Count];
        }
    }

    public void Remove(ActivationData worker)
    {
        lock (_lock)
        {
            _workers.Remove(worker);
        }
    }
}

using OrderEngine.Runtime.Hosting;
using System.Collections.Concurrent;

namespace OrderEngine.Runtime.Activations;

/// <summary>The activations of this silo, by grain id. At most one activation per grain (stateless workers excepted).</summary>
internal sealed class ActivationDirectory(SiloRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerPool> _workers = new();

    public int Count => _activations.Count + _workers.Values.Sum(pool => pool.Count);

    public IEnumerable<ActivationData> All => _activations.Values.Concat(_workers.Values.SelectMany(pool => pool.Snapshot()));

    public ActivationData? Find(GrainId grainId) => _activations.GetValueOrDefault(grainId);

    /// <summary>The activation that should receive a message for <paramref name="grainId"/>, created (and its activation started) if needed.</summary>
    public ActivationData GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        var grainClass = runtime.Manifest.GetClass(grainId.Type);
        if (grainClass.IsStatelessWorker)
        {
            var pool = _workers.GetOrAdd(grainId, static (id, info) => new StatelessWorkerPool(id, info), grainClass);
            var worker = pool.Pick(runtime, out var createdWorker);
            if (createdWorker)
            {
                worker.BeginActivation();
            }

            return worker;
        }

        var candidate = new ActivationData(grainId, grainClass, runtime);
        var winner = _activations.GetOrAdd(grainId, candidate);
        if (ReferenceEquals(winner, candidate))
        {
            candidate.BeginActivation();
        }

        return winner;
    }

    public void Remove(ActivationData activation)
    {
        if (activation.GrainClass.IsStatelessWorker)
        {
            if (_workers.TryGetValue(activation.GrainId, out var pool))
            {
                pool.Remove(activation);
            }

            return;
        }

        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
    }
}

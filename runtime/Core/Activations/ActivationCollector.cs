using OrderEngine.Runtime.Hosting;

namespace OrderEngine.Runtime.Activations;

/// <summary>Every collection quantum, deactivates activations idle for longer than the collection age.</summary>
internal sealed class ActivationCollector : IDisposable
{
    private readonly SiloRuntime _runtime;
    private readonly ITimer _timer;

    public ActivationCollector(SiloRuntime runtime)
    {
        _runtime = runtime;
        using (ExecutionContext.SuppressFlow())
        {
            _timer = runtime.TimeProvider.CreateTimer(static state => ((ActivationCollector)state!).Collect(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public void Start() => _timer.Change(_runtime.Options.CollectionQuantum, _runtime.Options.CollectionQuantum);

    public void Stop() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    public void Dispose() => _timer.Dispose();

    /// <summary>One collection pass; returns how many activations it deactivates.</summary>
    public int Collect()
    {
        var collected = 0;
        foreach (var activation in _runtime.Directory.All)
        {
            if (activation.State == ActivationState.Valid && activation.IsIdle && activation.IdleTime >= _runtime.Options.CollectionAge)
            {
                activation.Deactivate(DeactivationReason.IdleCollected);
                collected++;
            }
        }

        if (collected > 0)
        {
            ActivationLog.IdleCollected(_runtime.Logger, collected);
        }

        return collected;
    }
}

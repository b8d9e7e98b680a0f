using System.Diagnostics.Metrics;
using OrderEngine.Runtime.Activations;

namespace OrderEngine.Runtime.Hosting;

/// <summary>The runtime's instruments, on the meter "OrderEngine.Runtime".</summary>
internal sealed class RuntimeMetrics
{
    public const string MeterName = "OrderEngine.Runtime";

    private readonly Meter _meter;
    private readonly Counter<long> _activationsCreated;
    private readonly Counter<long> _activationsDeactivated;
    private long _calls;

    public RuntimeMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _activationsCreated = _meter.CreateCounter<long>("orderengine.activations.created", description: "Activations created");
        _activationsDeactivated = _meter.CreateCounter<long>("orderengine.activations.deactivated", description: "Activations deactivated, by reason");
        Deadlocks = _meter.CreateCounter<long>("orderengine.calls.deadlocks", description: "Calls failed at once because they closed a wait cycle");
        Timeouts = _meter.CreateCounter<long>("orderengine.calls.timeouts", description: "Calls that got no response within the call timeout");
        _meter.CreateObservableCounter("orderengine.calls", () => Volatile.Read(ref _calls), description: "Grain calls made on this silo");
    }

    public Counter<long> Deadlocks { get; }

    public Counter<long> Timeouts { get; }

    /// <summary>Calls made through this silo since start.</summary>
    public long Calls => Volatile.Read(ref _calls);

    public void CallMade() => Interlocked.Increment(ref _calls);

    public void ActivationCreated() => _activationsCreated.Add(1);

    public void ActivationDeactivated(DeactivationReason reason) =>
        _activationsDeactivated.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void Observe(ActivationDirectory directory) =>
        _meter.CreateObservableGauge("orderengine.activations", () => directory.Count, description: "Activations on this silo");
}

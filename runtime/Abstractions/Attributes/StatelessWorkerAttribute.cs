namespace OrderEngine.Runtime;

/// <summary>
/// Many local activations per grain id (up to <see cref="MaxLocalWorkers"/>, default the processor count);
/// a call goes to an idle one, or a new one while under the limit. Never persisted, never routed remotely.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute : Attribute
{
    public StatelessWorkerAttribute()
    {
    }

    public StatelessWorkerAttribute(int maxLocalWorkers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLocalWorkers);
        MaxLocalWorkers = maxLocalWorkers;
    }

    /// <summary>0 means <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxLocalWorkers { get; }
}

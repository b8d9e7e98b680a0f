namespace OrderEngine.Api.Metrics;

/// <summary>
/// One exported metric (HELP, TYPE and its series), fed by one instrument or by several that share
/// its name and shape. Measurements arrive on any thread; scrapes are serialised by the exporter.
/// </summary>
internal abstract class MetricFamily(string name, string help, string type)
{
    /// <summary>The exported name, e.g. gateway_orders_received_total.</summary>
    public string Name { get; } = name;

    public string Help { get; } = help;

    /// <summary>counter, gauge or histogram.</summary>
    public string Type { get; } = type;

    /// <summary>Instruments may share a family only when their signatures are equal.</summary>
    public virtual string Signature => GetType().Name + "/" + Type;

    /// <summary>Live instruments feeding this family; guarded by the exporter's registry lock.</summary>
    public int InstrumentCount { get; set; }

    public abstract void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

    public abstract void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

    /// <summary>Called before observable instruments are asked for their values.</summary>
    public virtual void BeginCollect()
    {
    }

    /// <summary>Writes the family; writes nothing when it has no series yet.</summary>
    public abstract void Write(ExpositionWriter writer);
}

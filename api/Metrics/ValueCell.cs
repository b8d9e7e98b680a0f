namespace OrderEngine.Api.Metrics;

/// <summary>The last value of one gauge series (or of an observable counter, which reports its total).</summary>
internal sealed class ValueCell
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public void Set(double value) => Volatile.Write(ref _value, value);
}

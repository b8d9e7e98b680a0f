namespace OrderEngine.Api.Metrics;

/// <summary>
/// The running sum of one counter series. Integer measurements are added exactly with
/// Interlocked.Add; floating-point ones with a compare-and-swap loop.
/// </summary>
internal sealed class SumCell
{
    private long _integral;
    private double _fractional;

    public long Integral => Interlocked.Read(ref _integral);

    public double Fractional => Volatile.Read(ref _fractional);

    public void Add(long value) => Interlocked.Add(ref _integral, value);

    public void Add(double value) => AtomicDouble.Add(ref _fractional, value);
}

namespace OrderEngine.Api.Metrics;

/// <summary>
/// One histogram series: a count per bucket (not cumulative; the writer accumulates) and the sum.
/// The count is the total of the buckets, so _count always equals the +Inf bucket.
/// </summary>
internal sealed class HistogramCell(int bounds)
{
    private readonly long[] _counts = new long[bounds + 1];
    private double _sum;

    public double Sum => Volatile.Read(ref _sum);

    public void Record(double value, double[] bounds)
    {
        var index = Array.BinarySearch(bounds, value);

        // An exact hit belongs to its own bucket (le is inclusive); otherwise the first larger bound.
        Interlocked.Increment(ref _counts[index >= 0 ? index : ~index]);
        AtomicDouble.Add(ref _sum, value);
    }

    /// <summary>Adds this series' per-bucket counts to <paramref name="counts"/>.</summary>
    public void AddCountsTo(long[] counts)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            counts[i] += Interlocked.Read(ref _counts[i]);
        }
    }
}

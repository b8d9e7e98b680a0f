using System.Diagnostics;

namespace OrderEngine.Benchmarks.Scenarios;

/// <summary>Collects sampled call latencies per caller without sharing, then merges them for percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly List<long[]> _parts = [];
    private readonly Lock _lock = new();

    public void Add(List<long> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        lock (_lock)
        {
            _parts.Add([.. ticks]);
        }
    }

    public double PercentileMilliseconds(double percentile)
    {
        var all = _parts.SelectMany(p => p).Order().ToArray();
        if (all.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Min(all.Length - 1, Math.Ceiling(percentile / 100 * all.Length) - 1);
        return all[Math.Max(0, index)] * 1000.0 / Stopwatch.Frequency;
    }
}

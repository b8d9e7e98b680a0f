using System.Diagnostics.Metrics;

namespace OrderEngine.Api.Metrics;

/// <summary>
/// Chooses a histogram's bucket bounds: configured for the instrument, else the instrument's own
/// advice, else the duration defaults (unit "s" or a name ending in "_seconds"), else the size defaults.
/// </summary>
internal static class HistogramBoundaries
{
    public static double[] For(Instrument instrument, string metricName, PrometheusExporterOptions options)
    {
        if (options.HistogramBoundaries.TryGetValue(instrument.Name, out var configured)
            || options.HistogramBoundaries.TryGetValue(metricName, out configured))
        {
            return Normalise(configured);
        }

        if (Advised(instrument) is { } advised)
        {
            return Normalise(advised);
        }

        var isDuration = instrument.Unit == "s" || metricName.EndsWith("_seconds", StringComparison.Ordinal);
        return Normalise(isDuration ? options.DurationBoundaries : options.SizeBoundaries);
    }

    /// <summary>Finite, ascending, distinct: what a binary search and an le label need.</summary>
    private static double[] Normalise(IEnumerable<double> bounds) =>
        [.. bounds.Where(double.IsFinite).Distinct().Order()];

    private static IEnumerable<double>? Advised(Instrument instrument) => instrument switch
    {
        Instrument<double> typed => typed.Advice?.HistogramBucketBoundaries,
        Instrument<float> typed => typed.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        Instrument<long> typed => typed.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        Instrument<int> typed => typed.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        Instrument<short> typed => typed.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        Instrument<byte> typed => typed.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        Instrument<decimal> typed => typed.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        _ => null,
    };
}

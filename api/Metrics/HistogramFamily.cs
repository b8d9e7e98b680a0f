using System.Globalization;

namespace OrderEngine.Api.Metrics;

/// <summary>
/// Histogram: per tag set, cumulative _bucket counts (le inclusive, ending with +Inf), _sum and
/// _count. NaN measurements are ignored.
/// </summary>
internal sealed class HistogramFamily : MetricFamily
{
    private readonly double[] _bounds;
    private readonly string[] _le;
    private readonly SeriesMap<HistogramCell> _series;

    public HistogramFamily(string name, string help, double[] bounds, int maxSeries)
        : base(name, help, "histogram")
    {
        _bounds = bounds;
        _le = [.. bounds.Select(PrometheusNames.FormatValue), "+Inf"];
        _series = new(() => new HistogramCell(bounds.Length), maxSeries);
    }

    public override string Signature => base.Signature + "/" + string.Join(',', _bounds.Select(b => b.ToString("R", CultureInfo.InvariantCulture)));

    public override void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags) => Record((double)value, tags);

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!double.IsNaN(value))
        {
            _series.Get(tags).Record(value, _bounds);
        }
    }

    public override void Write(ExpositionWriter writer)
    {
        var series = _series.Snapshot();
        if (series.Count == 0)
        {
            return;
        }

        writer.Family(Name, Help, Type);
        for (var i = 0; i < series.Count;)
        {
            // Tag values of different types can render alike (1 and 1L): such series are one.
            var labels = series[i].Key;
            var counts = new long[_le.Length];
            double sum = 0;
            for (; i < series.Count && series[i].Key == labels; i++)
            {
                series[i].Value.AddCountsTo(counts);
                sum += series[i].Value.Sum;
            }

            long cumulative = 0;
            for (var bucket = 0; bucket < counts.Length; bucket++)
            {
                cumulative += counts[bucket];
                writer.Bucket(Name, labels, _le[bucket], cumulative);
            }

            writer.Sample(Name + "_sum", labels, sum);
            writer.Sample(Name + "_count", labels, cumulative);
        }
    }
}

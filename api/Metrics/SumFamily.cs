namespace OrderEngine.Api.Metrics;

/// <summary>
/// Counter (TYPE counter, monotonic: negative increments are ignored) and UpDownCounter (TYPE gauge):
/// the sum of every measurement per tag set.
/// </summary>
internal sealed class SumFamily(string name, string help, bool monotonic, int maxSeries)
    : MetricFamily(name, help, monotonic ? "counter" : "gauge")
{
    private readonly SeriesMap<SumCell> _series = new(static () => new SumCell(), maxSeries);

    public override void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (value >= 0 || !monotonic)
        {
            _series.Get(tags).Add(value);
        }
    }

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (value >= 0 || !monotonic)
        {
            _series.Get(tags).Add(value);
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
            long integral = 0;
            double fractional = 0;
            for (; i < series.Count && series[i].Key == labels; i++)
            {
                integral += series[i].Value.Integral;
                fractional += series[i].Value.Fractional;
            }

            if (fractional == 0)
            {
                writer.Sample(Name, labels, integral);
            }
            else
            {
                writer.Sample(Name, labels, integral + fractional);
            }
        }
    }
}

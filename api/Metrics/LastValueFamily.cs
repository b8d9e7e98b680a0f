namespace OrderEngine.Api.Metrics;

/// <summary>
/// Gauge, ObservableGauge, ObservableUpDownCounter (TYPE gauge) and ObservableCounter (TYPE counter,
/// the callback reports the total): the last value per tag set. Observable families start empty at
/// every scrape, so a series the callback stops reporting disappears.
/// </summary>
internal sealed class LastValueFamily(string name, string help, string type, bool observable, int maxSeries)
    : MetricFamily(name, help, type)
{
    private readonly SeriesMap<ValueCell> _series = new(static () => new ValueCell(), maxSeries);

    public override string Signature => base.Signature + (observable ? "/observable" : string.Empty);

    public override void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags) => _series.Get(tags).Set(value);

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) => _series.Get(tags).Set(value);

    public override void BeginCollect()
    {
        if (observable)
        {
            _series.Clear();
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
        for (var i = 0; i < series.Count; i++)
        {
            // Tag values of different types can render alike (1 and 1L): the last one stands.
            if (i + 1 == series.Count || series[i + 1].Key != series[i].Key)
            {
                writer.Sample(Name, series[i].Key, series[i].Value.Value);
            }
        }
    }
}

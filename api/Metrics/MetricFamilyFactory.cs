using System.Diagnostics.Metrics;

namespace OrderEngine.Api.Metrics;

/// <summary>Maps an instrument to the metric family that exports it, or null for an unknown kind.</summary>
internal static class MetricFamilyFactory
{
    public static MetricFamily? Create(Instrument instrument, PrometheusExporterOptions options)
    {
        var name = PrometheusNames.MetricName(instrument.Name);
        var help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
        var max = options.MaxSeriesPerInstrument;
        var kind = instrument.GetType() is { IsGenericType: true } type ? type.GetGenericTypeDefinition() : null;

        if (kind == typeof(Counter<>))
        {
            return new SumFamily(PrometheusNames.CounterName(name), help, monotonic: true, max);
        }

        if (kind == typeof(UpDownCounter<>))
        {
            return new SumFamily(name, help, monotonic: false, max);
        }

        if (kind == typeof(Histogram<>))
        {
            return new HistogramFamily(name, help, HistogramBoundaries.For(instrument, name, options), max);
        }

        if (kind == typeof(ObservableCounter<>))
        {
            return new LastValueFamily(PrometheusNames.CounterName(name), help, "counter", observable: true, max);
        }

        if (kind == typeof(ObservableGauge<>) || kind == typeof(ObservableUpDownCounter<>))
        {
            return new LastValueFamily(name, help, "gauge", observable: true, max);
        }

        return kind == typeof(Gauge<>) ? new LastValueFamily(name, help, "gauge", observable: false, max) : null;
    }
}

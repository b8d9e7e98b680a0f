using System.Diagnostics.Metrics;
using OrderEngine.Api.Metrics;

namespace OrderEngine.Api.Tests.Metrics.Support;

/// <summary>
/// A private meter with a fresh name and an exporter that listens to that meter only (no process
/// metrics unless asked), so tests running in parallel never see each other's instruments.
/// </summary>
internal sealed class ExporterHarness : IDisposable
{
    public ExporterHarness(Action<PrometheusExporterOptions>? configure = null)
    {
        MeterName = "MetricsTests." + Guid.NewGuid().ToString("N");
        Meter = new Meter(MeterName);
        Options = new PrometheusExporterOptions { IncludeProcessMetrics = false };
        Options.MeterPrefixes.Clear();
        Options.MeterPrefixes.Add(MeterName);
        configure?.Invoke(Options);
        Exporter = new PrometheusExporter(Microsoft.Extensions.Options.Options.Create(Options));
    }

    public string MeterName { get; }

    public Meter Meter { get; }

    public PrometheusExporterOptions Options { get; }

    public PrometheusExporter Exporter { get; }

    public string Scrape() => Exporter.Scrape();

    public void Dispose()
    {
        Exporter.Dispose();
        Meter.Dispose();
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OrderEngine.Api.Metrics;

/// <summary>
/// Listens to the meters named by <see cref="PrometheusExporterOptions.MeterPrefixes"/>, aggregates
/// their measurements in memory and renders them in the Prometheus text format 0.0.4. Hand-written
/// because neither prometheus-net nor OpenTelemetry's Prometheus exporter is available here.
/// </summary>
/// <remarks>
/// Meters created by another <see cref="IMeterFactory"/> (another host in the same process) are
/// ignored; static meters (no scope) and meters of this host's factory are exported.
/// Counters and histograms add with Interlocked operations into cells found by a lock-free,
/// allocation-free lookup; observable instruments are read when <see cref="Scrape"/> runs.
/// </remarks>
public sealed partial class PrometheusExporter : IDisposable
{
    /// <summary>The content type of <see cref="Scrape"/>'s text.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly PrometheusExporterOptions _options;
    private readonly IMeterFactory? _meterFactory;
    private readonly ILogger _logger;
    private readonly Lock _registryGate = new();
    private readonly Lock _scrapeGate = new();
    private readonly SortedDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();
    private readonly ProcessMetrics? _processMetrics;

    public PrometheusExporter(IOptions<PrometheusExporterOptions> options, IMeterFactory? meterFactory = null, ILogger<PrometheusExporter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _meterFactory = meterFactory;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _processMetrics = _options.IncludeProcessMetrics ? new ProcessMetrics(this, _options) : null;

        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.MeasurementsCompleted = OnMeasurementsCompleted;
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((MetricFamily)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>
    /// Reads the observable instruments and renders every metric with at least one series, ordered
    /// by name, each series ordered by its labels. Concurrent scrapes run one after the other.
    /// </summary>
    public string Scrape()
    {
        lock (_scrapeGate)
        {
            MetricFamily[] families;
            lock (_registryGate)
            {
                families = [.. _families.Values];
            }

            foreach (var family in families)
            {
                family.BeginCollect();
            }

            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (AggregateException failure)
            {
                // The other instruments have reported: export them rather than failing the scrape.
                LogObservableCallbackFailed(_logger, failure);
            }

            var writer = new ExpositionWriter();
            foreach (var family in families)
            {
                family.Write(writer);
            }

            return writer.ToString();
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _processMetrics?.Dispose();
    }

    private bool Exports(Meter meter)
    {
        if (ReferenceEquals(meter.Scope, this))
        {
            return true;
        }

        if (meter.Scope is not null && !ReferenceEquals(meter.Scope, _meterFactory))
        {
            return false;
        }

        return _options.MeterPrefixes.Any(prefix => meter.Name.StartsWith(prefix, StringComparison.Ordinal));
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!Exports(instrument.Meter) || MetricFamilyFactory.Create(instrument, _options) is not { } family)
        {
            return;
        }

        lock (_registryGate)
        {
            if (_families.TryGetValue(family.Name, out var existing))
            {
                if (existing.Signature != family.Signature)
                {
                    LogConflictingInstrument(_logger, instrument.Name, instrument.Meter.Name, family.Name);
                    return;
                }

                family = existing;
            }
            else
            {
                _families.Add(family.Name, family);
            }

            family.InstrumentCount++;
        }

        listener.EnableMeasurementEvents(instrument, family);
    }

    private void OnMeasurementsCompleted(Instrument instrument, object? state)
    {
        if (state is not MetricFamily family)
        {
            return;
        }

        lock (_registryGate)
        {
            if (--family.InstrumentCount == 0 && _families.TryGetValue(family.Name, out var current) && ReferenceEquals(current, family))
            {
                _families.Remove(family.Name);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "An observable instrument's callback failed during a Prometheus scrape; the others were exported")]
    private static partial void LogObservableCallbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Instrument {Instrument} of meter {Meter} is not exported: {Metric} is already exported with another type or other buckets")]
    private static partial void LogConflictingInstrument(ILogger logger, string instrument, string meter, string metric);
}

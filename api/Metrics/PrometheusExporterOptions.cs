namespace OrderEngine.Api.Metrics;

/// <summary>
/// What <see cref="PrometheusExporter"/> listens to and how it shapes histograms and process metrics.
/// </summary>
public sealed class PrometheusExporterOptions
{
    /// <summary>
    /// Bucket upper bounds, in seconds, for histograms of durations (unit "s" or a name ending in
    /// "_seconds"). They include 2 s and 5 s exactly, the latency thresholds of the alert rules.
    /// </summary>
    public static IReadOnlyList<double> DefaultDurationBoundaries { get; } =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

    /// <summary>Bucket upper bounds for histograms of anything else (sizes, counts per batch).</summary>
    public static IReadOnlyList<double> DefaultSizeBoundaries { get; } =
        [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    /// <summary>
    /// A meter is exported when its name starts with one of these (ordinal). Default: "OrderEngine".
    /// Add "System.Runtime" to export the .NET runtime's own meter as well.
    /// </summary>
    public IList<string> MeterPrefixes { get; } = ["OrderEngine"];

    /// <summary>
    /// Bucket upper bounds per histogram, keyed by instrument name (as created, e.g.
    /// "processor.order_processing_duration_seconds") or by its exported name. These win over the
    /// instrument's own advice, which wins over <see cref="DurationBoundaries"/> and <see cref="SizeBoundaries"/>.
    /// </summary>
    public IDictionary<string, IReadOnlyList<double>> HistogramBoundaries { get; } = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);

    /// <summary>Bucket upper bounds of duration histograms without configured or advised bounds.</summary>
    public IReadOnlyList<double> DurationBoundaries { get; set; } = DefaultDurationBoundaries;

    /// <summary>Bucket upper bounds of other histograms without configured or advised bounds.</summary>
    public IReadOnlyList<double> SizeBoundaries { get; set; } = DefaultSizeBoundaries;

    /// <summary>
    /// Export process_cpu_seconds_total, process_resident_memory_bytes, process_start_time_seconds
    /// and the limits the CPU and memory alerts divide by. Default: true.
    /// </summary>
    public bool IncludeProcessMetrics { get; set; } = true;

    /// <summary>
    /// The memory the process may use, exported as orderengine_memory_limit_bytes. Default: what
    /// the .NET GC sees as available (the container's limit when there is one, else physical memory).
    /// </summary>
    public long? MemoryLimitBytes { get; set; }

    /// <summary>
    /// The CPU the process may use, in cores, exported as orderengine_cpu_limit_cores. Default:
    /// <see cref="Environment.ProcessorCount"/> (which honours a container's CPU quota).
    /// </summary>
    public double? CpuLimitCores { get; set; }

    /// <summary>
    /// Distinct tag sets kept per instrument. Beyond this, measurements of new tag sets are added
    /// to one series labelled otel_metric_overflow="true", so an unbounded tag (an order id) cannot
    /// exhaust memory. Default: 2000.
    /// </summary>
    public int MaxSeriesPerInstrument { get; set; } = 2000;
}

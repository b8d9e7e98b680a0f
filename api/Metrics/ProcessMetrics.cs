using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrderEngine.Api.Metrics;

/// <summary>
/// The process metrics the CPU and memory alerts need, under their standard Prometheus names, and
/// the limits they are compared with. Read at scrape time. The meter's scope is the exporter that
/// owns it, so two exporters in one process (two test hosts) do not export each other's.
/// </summary>
internal sealed class ProcessMetrics : IDisposable
{
    public const string MeterName = "OrderEngine.Process";

    private readonly Meter _meter;

    public ProcessMetrics(object scope, PrometheusExporterOptions options)
    {
        _meter = new Meter(new MeterOptions(MeterName) { Scope = scope });
        var startTime = StartTimeSeconds();
        var memoryLimit = options.MemoryLimitBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var cpuLimit = options.CpuLimitCores ?? Environment.ProcessorCount;

        _meter.CreateObservableCounter("process_cpu_seconds", static () => Environment.CpuUsage.TotalTime.TotalSeconds, "s", "Total user and system CPU time spent in seconds.");
        _meter.CreateObservableGauge("process_resident_memory_bytes", static () => Environment.WorkingSet, "By", "Resident memory size in bytes.");
        _meter.CreateObservableGauge("process_start_time_seconds", () => startTime, "s", "Start time of the process since unix epoch in seconds.");
        _meter.CreateObservableGauge("orderengine_memory_limit_bytes", () => memoryLimit, "By", "Memory this process may use: the configured limit, else the container's, else physical memory.");
        _meter.CreateObservableGauge("orderengine_cpu_limit_cores", () => cpuLimit, "{cpu}", "CPU cores this process may use: the configured limit, else the container's quota, else the processor count.");
    }

    public void Dispose() => _meter.Dispose();

    private static double StartTimeSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
    }
}

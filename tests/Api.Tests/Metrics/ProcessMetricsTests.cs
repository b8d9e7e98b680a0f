using System.Diagnostics;
using System.Globalization;
using OrderEngine.Api.Tests.Metrics.Support;

namespace OrderEngine.Api.Tests.Metrics;

public sealed class ProcessMetricsTests
{
    [Fact]
    public void Process_metrics_have_their_standard_names_and_the_limits_their_configured_values()
    {
        using var harness = new ExporterHarness(options =>
        {
            options.IncludeProcessMetrics = true;
            options.MemoryLimitBytes = 2_147_483_648;
            options.CpuLimitCores = 1.5;
        });

        var samples = Samples(harness.Scrape());

        Assert.Equal(["orderengine_cpu_limit_cores", "orderengine_memory_limit_bytes", "process_cpu_seconds_total", "process_resident_memory_bytes", "process_start_time_seconds"], samples.Keys);
        Assert.Equal(1.5, samples["orderengine_cpu_limit_cores"]);
        Assert.Equal(2_147_483_648, samples["orderengine_memory_limit_bytes"]);
        Assert.Equal(ExpectedStartTime(), samples["process_start_time_seconds"]);
        Assert.InRange(samples["process_cpu_seconds_total"], double.Epsilon, Environment.CpuUsage.TotalTime.TotalSeconds);
        Assert.InRange(samples["process_resident_memory_bytes"], 1, long.MaxValue);
    }

    [Fact]
    public void Process_metrics_are_typed_and_described()
    {
        using var harness = new ExporterHarness(options => options.IncludeProcessMetrics = true);

        var headers = harness.Scrape().Split('\n').Where(line => line.StartsWith('#')).ToList();

        Assert.Equal(
            [
                "# HELP orderengine_cpu_limit_cores CPU cores this process may use: the configured limit, else the container's quota, else the processor count.",
                "# TYPE orderengine_cpu_limit_cores gauge",
                "# HELP orderengine_memory_limit_bytes Memory this process may use: the configured limit, else the container's, else physical memory.",
                "# TYPE orderengine_memory_limit_bytes gauge",
                "# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.",
                "# TYPE process_cpu_seconds_total counter",
                "# HELP process_resident_memory_bytes Resident memory size in bytes.",
                "# TYPE process_resident_memory_bytes gauge",
                "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.",
                "# TYPE process_start_time_seconds gauge",
            ],
            headers);
    }

    [Fact]
    public void The_default_limits_are_what_the_runtime_sees()
    {
        using var harness = new ExporterHarness(options => options.IncludeProcessMetrics = true);

        var samples = Samples(harness.Scrape());

        Assert.Equal(Environment.ProcessorCount, samples["orderengine_cpu_limit_cores"]);
        Assert.Equal(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, samples["orderengine_memory_limit_bytes"]);
    }

    [Fact]
    public void Each_exporter_exports_only_its_own_process_metrics()
    {
        using var first = new ExporterHarness(options => options.IncludeProcessMetrics = true);
        using var second = new ExporterHarness(options => options.IncludeProcessMetrics = true);

        var lines = first.Scrape().Split('\n');

        Assert.Single(lines, line => line.StartsWith("process_start_time_seconds ", StringComparison.Ordinal));
    }

    private static Dictionary<string, double> Samples(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));

    private static double ExpectedStartTime()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
    }
}

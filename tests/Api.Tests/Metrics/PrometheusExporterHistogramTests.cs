using System.Diagnostics.Metrics;
using OrderEngine.Api.Metrics;
using OrderEngine.Api.Tests.Metrics.Support;

namespace OrderEngine.Api.Tests.Metrics;

public sealed class PrometheusExporterHistogramTests
{
    [Fact]
    public void Buckets_are_cumulative_with_inclusive_bounds_and_sum_and_count_are_exact()
    {
        using var harness = new ExporterHarness(options => options.HistogramBoundaries["processor.order_processing_duration_seconds"] = [4, 0.25, 1]);
        var histogram = harness.Meter.CreateHistogram<double>("processor.order_processing_duration_seconds", "s", "Processing time");

        foreach (var value in new[] { 0.25, 0.5, 1, 3, 64 })
        {
            histogram.Record(value);
        }

        histogram.Record(double.NaN);

        Assert.Equal(
            """
            # HELP processor_order_processing_duration_seconds Processing time
            # TYPE processor_order_processing_duration_seconds histogram
            processor_order_processing_duration_seconds_bucket{le="0.25"} 1
            processor_order_processing_duration_seconds_bucket{le="1"} 3
            processor_order_processing_duration_seconds_bucket{le="4"} 4
            processor_order_processing_duration_seconds_bucket{le="+Inf"} 5
            processor_order_processing_duration_seconds_sum 68.75
            processor_order_processing_duration_seconds_count 5

            """,
            harness.Scrape());
    }

    [Fact]
    public void Each_tag_set_has_its_own_buckets_with_le_after_the_other_labels()
    {
        using var harness = new ExporterHarness(options => options.HistogramBoundaries["gateway_request_duration_seconds"] = [1]);
        var histogram = harness.Meter.CreateHistogram<double>("gateway.request.duration_seconds", "s", "Request time");

        histogram.Record(0.5, new("method", "POST"), new("route", "/orders"));
        histogram.Record(2, new("route", "/orders"), new("method", "POST"));
        histogram.Record(0.125, new KeyValuePair<string, object?>("method", "GET"));

        Assert.Equal(
            """
            # HELP gateway_request_duration_seconds Request time
            # TYPE gateway_request_duration_seconds histogram
            gateway_request_duration_seconds_bucket{method="GET",le="1"} 1
            gateway_request_duration_seconds_bucket{method="GET",le="+Inf"} 1
            gateway_request_duration_seconds_sum{method="GET"} 0.125
            gateway_request_duration_seconds_count{method="GET"} 1
            gateway_request_duration_seconds_bucket{method="POST",route="/orders",le="1"} 1
            gateway_request_duration_seconds_bucket{method="POST",route="/orders",le="+Inf"} 2
            gateway_request_duration_seconds_sum{method="POST",route="/orders"} 2.5
            gateway_request_duration_seconds_count{method="POST",route="/orders"} 2

            """,
            harness.Scrape());
    }

    [Fact]
    public void Durations_get_the_default_second_bounds_and_other_histograms_the_size_bounds()
    {
        using var harness = new ExporterHarness();
        harness.Meter.CreateHistogram<double>("storage.batch.duration", "s", "Batch time").Record(0.003);
        harness.Meter.CreateHistogram<double>("request_seconds", description: "Request time").Record(7);
        harness.Meter.CreateHistogram<int>("storage.batch.operations", "{operation}", "Writes per batch").Record(30);

        var text = harness.Scrape();

        Assert.Equal(DefaultBounds(PrometheusExporterOptions.DefaultDurationBoundaries), Bounds(text, "storage_batch_duration"));
        Assert.Equal(DefaultBounds(PrometheusExporterOptions.DefaultDurationBoundaries), Bounds(text, "request_seconds"));
        Assert.Equal(DefaultBounds(PrometheusExporterOptions.DefaultSizeBoundaries), Bounds(text, "storage_batch_operations"));
        Assert.Equal(
            ["0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2", "5", "10", "30", "+Inf"],
            Bounds(text, "storage_batch_duration"));
        Assert.Contains("storage_batch_operations_bucket{le=\"25\"} 0\nstorage_batch_operations_bucket{le=\"50\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_instrument_advice_is_used_unless_bounds_are_configured_for_it()
    {
        using var harness = new ExporterHarness(options => options.HistogramBoundaries["configured"] = [3]);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 2] };
        harness.Meter.CreateHistogram("advised", "s", "Advised", tags: null, advice).Record(1);
        harness.Meter.CreateHistogram("configured", "s", "Configured", tags: null, advice).Record(1);

        var text = harness.Scrape();

        Assert.Equal(["0.5", "2", "+Inf"], Bounds(text, "advised"));
        Assert.Equal(["3", "+Inf"], Bounds(text, "configured"));
    }

    [Fact]
    public void Infinite_measurements_land_in_the_last_bucket()
    {
        using var harness = new ExporterHarness(options => options.HistogramBoundaries["wait"] = [1]);
        var histogram = harness.Meter.CreateHistogram<double>("wait", "s", "Wait");

        histogram.Record(double.PositiveInfinity);

        Assert.Equal(
            """
            # HELP wait Wait
            # TYPE wait histogram
            wait_bucket{le="1"} 0
            wait_bucket{le="+Inf"} 1
            wait_sum +Inf
            wait_count 1

            """,
            harness.Scrape());
    }

    private static List<string> DefaultBounds(IReadOnlyList<double> bounds) => [.. bounds.Select(PrometheusNames.FormatValue), "+Inf"];

    private static List<string> Bounds(string text, string metric)
    {
        var prefix = metric + "_bucket{le=\"";
        return [.. text.Split('\n').Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).Select(line => line[prefix.Length..line.IndexOf('"', prefix.Length)])];
    }
}

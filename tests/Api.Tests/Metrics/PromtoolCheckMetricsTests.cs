using System.Diagnostics.Metrics;
using OrderEngine.Api.Tests.Metrics.Support;

namespace OrderEngine.Api.Tests.Metrics;

/// <summary>The rendered text passes Prometheus' own parser and linter (promtool check metrics).</summary>
public sealed class PromtoolCheckMetricsTests
{
    [Fact]
    public void The_seed_metrics_as_the_engine_will_define_them_pass_promtool_check_metrics()
    {
        using var harness = new ExporterHarness(options => options.IncludeProcessMetrics = true);
        SeedInstruments.Create(harness.Meter);

        var text = harness.Scrape();
        var result = Promtool.Run(RepositoryPaths.Root, text, "check", "metrics");

        Assert.True(result.ExitCode == 0, $"promtool check metrics exited with {result.ExitCode}:\n{result.Output}\n--- input ---\n{text}");
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Escaped_labels_sanitised_names_and_every_instrument_kind_pass_promtool_check_metrics()
    {
        using var harness = new ExporterHarness(options => options.IncludeProcessMetrics = true);
        var meter = harness.Meter;
        meter.CreateCounter<long>("orderengine.storage.conflicts", "{operation}", "Writes rejected because their ETag no longer matched.")
            .Add(3, new("db.system.name", "sqlite"), new("operation", "write \"state\"\\\nnext"));
        meter.CreateCounter<double>("orderengine.payment-amount", description: "Money charged").Add(12.5);
        meter.CreateUpDownCounter<int>("orderengine.requests.in_flight", description: "Requests being served").Add(-1);
        meter.CreateGauge<double>("orderengine.load", description: "Load").Record(0.75, new KeyValuePair<string, object?>("silo", "silo-1"));
        meter.CreateHistogram<int>("orderengine.storage.batch.operations", "{operation}", "Writes carried by one batch").Record(17);
        meter.CreateHistogram<double>("orderengine.storage.batch.duration", "s", "Time to commit one batch").Record(double.PositiveInfinity);
        meter.CreateObservableCounter("orderengine.calls", () => 5L, description: "Grain calls");
        meter.CreateObservableUpDownCounter("orderengine.activations", () => 2, description: "Activations");

        var text = harness.Scrape();
        var result = Promtool.Run(RepositoryPaths.Root, text, "check", "metrics");

        Assert.True(result.ExitCode == 0, $"promtool check metrics exited with {result.ExitCode}:\n{result.Output}\n--- input ---\n{text}");
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Promtool_rejects_malformed_text_so_the_checks_above_mean_something()
    {
        var result = Promtool.Run(RepositoryPaths.Root, "# TYPE broken counter\nbroken_total{le=\"1\" 1\n", "check", "metrics");

        Assert.NotEqual(0, result.ExitCode);
    }

    /// <summary>The instruments of seeds 000 and 002 as the API and grains are to define them.</summary>
    private static class SeedInstruments
    {
        public static void Create(Meter meter)
        {
            var route = new KeyValuePair<string, object?>("route", "POST /orders");
            var status = new KeyValuePair<string, object?>("status", 201);
            meter.CreateCounter<long>("gateway_orders_received", description: "Total orders received").Add(100);
            meter.CreateCounter<long>("gateway_orders_successful", description: "Orders successfully queued").Add(90);
            meter.CreateCounter<long>("gateway_orders_failed", description: "Orders that failed to queue").Add(4);
            meter.CreateCounter<long>("gateway_orders_validation_failed", description: "Validation failures").Add(5);
            meter.CreateCounter<long>("gateway_orders_idempotency_rejected", description: "Duplicate requests rejected").Add(1);
            meter.CreateHistogram<double>("gateway_request_duration_seconds", "s", "Request processing time").Record(0.012, route, status);
            meter.CreateObservableGauge("gateway_circuit_breaker_state", () => 0, description: "Circuit breaker state (0=closed, 1=open, 2=half-open)");
            meter.CreateCounter<long>("processor_orders_processed", description: "Total orders processed").Add(90);
            meter.CreateCounter<long>("processor_orders_processed_success", description: "Successfully processed").Add(80);
            meter.CreateCounter<long>("processor_orders_processed_failed", description: "Failed processing").Add(2);
            meter.CreateCounter<long>("processor_orders_sold_out", description: "Orders rejected due to sold out").Add(8);
            meter.CreateCounter<long>("processor_orders_moved_to_dlq", description: "Orders moved to DLQ").Add(2);
            meter.CreateHistogram<double>("processor_order_processing_duration_seconds", "s", "Processing time").Record(0.2);
            meter.CreateObservableGauge("processor_dlq_size", () => 2, description: "Current DLQ depth");
            meter.CreateObservableGauge("processor_dlq_oldest_message_age_seconds", () => 12.5, description: "Age of oldest DLQ message");
            meter.CreateObservableGauge("processor_inventory_level", () => new Measurement<int>(7, new KeyValuePair<string, object?>("item_id", "101")), description: "Inventory level per item");
        }
    }
}

using System.Diagnostics.Metrics;
using OrderEngine.Api.Tests.Metrics.Support;

namespace OrderEngine.Api.Tests.Metrics;

public sealed class PrometheusExporterObservableTests
{
    [Fact]
    public void An_observable_gauge_is_read_once_per_scrape_and_exports_the_value_of_that_moment()
    {
        using var harness = new ExporterHarness();
        var dlqSize = 101;
        var reads = 0;
        harness.Meter.CreateObservableGauge(
            "processor_dlq_size",
            () =>
            {
                reads++;
                return dlqSize;
            },
            description: "Current DLQ depth");

        Assert.Equal(0, reads);
        Assert.Equal(
            """
            # HELP processor_dlq_size Current DLQ depth
            # TYPE processor_dlq_size gauge
            processor_dlq_size 101

            """,
            harness.Scrape());
        dlqSize = 3;
        Assert.EndsWith("processor_dlq_size 3\n", harness.Scrape(), StringComparison.Ordinal);
        Assert.Equal(2, reads);
    }

    [Fact]
    public void A_series_the_callback_no_longer_reports_disappears()
    {
        using var harness = new ExporterHarness();
        var levels = new List<Measurement<int>>
        {
            new(9, new KeyValuePair<string, object?>("item_id", "101")),
            new(40, new KeyValuePair<string, object?>("item_id", "102")),
        };
        harness.Meter.CreateObservableGauge("processor_inventory_level", () => levels.ToArray(), description: "Inventory level per item");

        Assert.Equal(
            """
            # HELP processor_inventory_level Inventory level per item
            # TYPE processor_inventory_level gauge
            processor_inventory_level{item_id="101"} 9
            processor_inventory_level{item_id="102"} 40

            """,
            harness.Scrape());

        levels.RemoveAt(0);
        Assert.Equal(
            """
            # HELP processor_inventory_level Inventory level per item
            # TYPE processor_inventory_level gauge
            processor_inventory_level{item_id="102"} 40

            """,
            harness.Scrape());

        levels.Clear();
        Assert.Equal(string.Empty, harness.Scrape());
    }

    [Fact]
    public void An_observable_counter_is_a_counter_of_the_reported_total_and_an_observable_up_down_counter_a_gauge()
    {
        using var harness = new ExporterHarness();
        long calls = 41;
        harness.Meter.CreateObservableCounter("orderengine.calls", () => calls, description: "Grain calls made on this silo");
        harness.Meter.CreateObservableUpDownCounter("orderengine.activations", () => -1 + 3, description: "Activations");

        calls++;

        Assert.Equal(
            """
            # HELP orderengine_activations Activations
            # TYPE orderengine_activations gauge
            orderengine_activations 2
            # HELP orderengine_calls_total Grain calls made on this silo
            # TYPE orderengine_calls_total counter
            orderengine_calls_total 42

            """,
            harness.Scrape());
    }

    [Fact]
    public void A_failing_callback_does_not_fail_the_scrape_of_the_other_instruments()
    {
        using var harness = new ExporterHarness();
        harness.Meter.CreateObservableGauge<int>("broken", (Func<int>)(() => throw new InvalidOperationException("boom")), description: "Broken");
        harness.Meter.CreateObservableGauge("gateway_circuit_breaker_state", () => 1, description: "Circuit breaker state (0=closed, 1=open, 2=half-open)");

        Assert.Equal(
            """
            # HELP gateway_circuit_breaker_state Circuit breaker state (0=closed, 1=open, 2=half-open)
            # TYPE gateway_circuit_breaker_state gauge
            gateway_circuit_breaker_state 1

            """,
            harness.Scrape());
    }
}

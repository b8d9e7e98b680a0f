using OrderEngine.Api.Tests.Metrics.Support;

namespace OrderEngine.Api.Tests.Metrics;

public sealed class PrometheusExporterCounterTests
{
    [Fact]
    public void A_counter_without_tags_is_one_series_named_with_the_total_suffix()
    {
        using var harness = new ExporterHarness();
        var counter = harness.Meter.CreateCounter<long>("gateway_orders_received", description: "Total orders received");

        counter.Add(3);
        counter.Add(4);

        Assert.Equal(
            """
            # HELP gateway_orders_received_total Total orders received
            # TYPE gateway_orders_received_total counter
            gateway_orders_received_total 7

            """,
            harness.Scrape());
    }

    [Fact]
    public void A_counter_with_tags_has_one_series_per_tag_set_whatever_the_tag_order()
    {
        using var harness = new ExporterHarness();
        var counter = harness.Meter.CreateCounter<int>("gateway.requests", description: "Requests");

        counter.Add(1, new("status", "ok"), new("method", "POST"));
        counter.Add(2, new("method", "POST"), new("status", "ok"));
        counter.Add(5, new("method", "GET"), new("status", "ok"));
        counter.Add(1, new KeyValuePair<string, object?>("method", "GET"));

        Assert.Equal(
            """
            # HELP gateway_requests_total Requests
            # TYPE gateway_requests_total counter
            gateway_requests_total{method="GET"} 1
            gateway_requests_total{method="GET",status="ok"} 5
            gateway_requests_total{method="POST",status="ok"} 3

            """,
            harness.Scrape());
    }

    [Fact]
    public void A_counter_already_ending_in_total_keeps_one_suffix_and_ignores_negative_increments()
    {
        using var harness = new ExporterHarness();
        var counter = harness.Meter.CreateCounter<double>("processor_orders_processed_total", description: "Total orders processed");

        counter.Add(0.5);
        counter.Add(-3);
        counter.Add(0.25);

        Assert.Equal(
            """
            # HELP processor_orders_processed_total Total orders processed
            # TYPE processor_orders_processed_total counter
            processor_orders_processed_total 0.75

            """,
            harness.Scrape());
    }

    [Fact]
    public void An_up_down_counter_is_a_gauge_of_the_sum_without_suffix()
    {
        using var harness = new ExporterHarness();
        var inFlight = harness.Meter.CreateUpDownCounter<long>("gateway.requests.in_flight", description: "Requests being served");

        inFlight.Add(5);
        inFlight.Add(-7);

        Assert.Equal(
            """
            # HELP gateway_requests_in_flight Requests being served
            # TYPE gateway_requests_in_flight gauge
            gateway_requests_in_flight -2

            """,
            harness.Scrape());
    }

    [Fact]
    public void A_synchronous_gauge_exports_its_last_value_per_tag_set()
    {
        using var harness = new ExporterHarness();
        var level = harness.Meter.CreateGauge<int>("processor_inventory_level", description: "Inventory level per item");

        level.Record(12, new KeyValuePair<string, object?>("item_id", "101"));
        level.Record(9, new KeyValuePair<string, object?>("item_id", "101"));
        level.Record(40, new KeyValuePair<string, object?>("item_id", "102"));

        Assert.Equal(
            """
            # HELP processor_inventory_level Inventory level per item
            # TYPE processor_inventory_level gauge
            processor_inventory_level{item_id="101"} 9
            processor_inventory_level{item_id="102"} 40

            """,
            harness.Scrape());
    }

    [Fact]
    public void An_instrument_without_measurements_is_not_exported_and_Add_zero_creates_the_series()
    {
        using var harness = new ExporterHarness();
        var counter = harness.Meter.CreateCounter<long>("gateway_orders_failed", description: "Orders that failed to queue");

        Assert.Equal(string.Empty, harness.Scrape());

        counter.Add(0);

        Assert.Equal(
            """
            # HELP gateway_orders_failed_total Orders that failed to queue
            # TYPE gateway_orders_failed_total counter
            gateway_orders_failed_total 0

            """,
            harness.Scrape());
    }

    [Fact]
    public void Tag_values_of_different_types_that_render_alike_are_one_series()
    {
        using var harness = new ExporterHarness();
        var counter = harness.Meter.CreateCounter<long>("orders.by_shard", description: "Orders per shard");

        counter.Add(1, new KeyValuePair<string, object?>("shard", 1));
        counter.Add(2, new KeyValuePair<string, object?>("shard", 1L));
        counter.Add(4, new KeyValuePair<string, object?>("shard", "1"));

        Assert.Equal(
            """
            # HELP orders_by_shard_total Orders per shard
            # TYPE orders_by_shard_total counter
            orders_by_shard_total{shard="1"} 7

            """,
            harness.Scrape());
    }

    [Fact]
    public void Metrics_are_ordered_by_name_whatever_the_order_they_were_created_in()
    {
        using var harness = new ExporterHarness();
        var zebra = harness.Meter.CreateCounter<long>("zebra", description: "Z");
        var alpha = harness.Meter.CreateUpDownCounter<long>("alpha", description: "A");

        zebra.Add(1);
        alpha.Add(2);

        Assert.Equal(
            """
            # HELP alpha A
            # TYPE alpha gauge
            alpha 2
            # HELP zebra_total Z
            # TYPE zebra_total counter
            zebra_total 1

            """,
            harness.Scrape());
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderEngine.Api.Metrics;
using OrderEngine.Api.Tests.Metrics.Support;

namespace OrderEngine.Api.Tests.Metrics;

public sealed class PrometheusExporterMeterSelectionTests
{
    [Fact]
    public void Only_meters_whose_name_starts_with_a_configured_prefix_are_exported()
    {
        using var harness = new ExporterHarness();
        using var other = new Meter("Elsewhere." + harness.MeterName);
        using var child = new Meter(harness.MeterName + ".Child");
        other.CreateCounter<long>("ignored").Add(1);
        child.CreateCounter<long>("kept", description: "Kept").Add(1);

        Assert.Equal(
            """
            # HELP kept_total Kept
            # TYPE kept_total counter
            kept_total 1

            """,
            harness.Scrape());
    }

    [Fact]
    public void Meters_of_another_hosts_meter_factory_are_not_exported_and_those_of_its_own_are()
    {
        using var ownHost = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var otherHost = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterName = "MetricsTests." + Guid.NewGuid().ToString("N");
        var options = new PrometheusExporterOptions { IncludeProcessMetrics = false };
        options.MeterPrefixes.Clear();
        options.MeterPrefixes.Add(meterName);
        using var exporter = new PrometheusExporter(Options.Create(options), ownHost.GetRequiredService<IMeterFactory>());

        ownHost.GetRequiredService<IMeterFactory>().Create(meterName).CreateCounter<long>("orders", description: "Orders").Add(1);
        otherHost.GetRequiredService<IMeterFactory>().Create(meterName).CreateCounter<long>("orders", description: "Orders").Add(100);

        Assert.Equal(
            """
            # HELP orders_total Orders
            # TYPE orders_total counter
            orders_total 1

            """,
            exporter.Scrape());
    }

    [Fact]
    public void Disposing_a_meter_removes_its_metrics()
    {
        using var harness = new ExporterHarness();
        var meter = new Meter(harness.MeterName + ".Short");
        meter.CreateCounter<long>("short_lived").Add(1);
        harness.Meter.CreateCounter<long>("long_lived", description: "Long").Add(1);

        Assert.Contains("short_lived_total 1\n", harness.Scrape(), StringComparison.Ordinal);
        meter.Dispose();

        Assert.Equal(
            """
            # HELP long_lived_total Long
            # TYPE long_lived_total counter
            long_lived_total 1

            """,
            harness.Scrape());
    }

    [Fact]
    public void Instruments_of_the_same_name_and_kind_share_their_series_and_a_different_kind_is_not_exported()
    {
        using var harness = new ExporterHarness();
        using var second = new Meter(harness.MeterName + ".Second");
        harness.Meter.CreateCounter<long>("orders", description: "Orders").Add(2);
        second.CreateCounter<int>("orders", description: "Orders").Add(3);
        second.CreateUpDownCounter<long>("orders_total", description: "Clash").Add(100);

        Assert.Equal(
            """
            # HELP orders_total Orders
            # TYPE orders_total counter
            orders_total 5

            """,
            harness.Scrape());
    }

    [Fact]
    public void Tag_sets_beyond_the_limit_are_added_to_one_overflow_series()
    {
        using var harness = new ExporterHarness(options => options.MaxSeriesPerInstrument = 2);
        var counter = harness.Meter.CreateCounter<long>("orders.by_customer", description: "Orders per customer");

        counter.Add(1, new KeyValuePair<string, object?>("customer", "c1"));
        counter.Add(1, new KeyValuePair<string, object?>("customer", "c2"));
        counter.Add(1, new KeyValuePair<string, object?>("customer", "c3"));
        counter.Add(2, new KeyValuePair<string, object?>("customer", "c4"));
        counter.Add(1, new KeyValuePair<string, object?>("customer", "c1"));
        counter.Add(1);

        Assert.Equal(
            """
            # HELP orders_by_customer_total Orders per customer
            # TYPE orders_by_customer_total counter
            orders_by_customer_total 1
            orders_by_customer_total{customer="c1"} 2
            orders_by_customer_total{customer="c2"} 1
            orders_by_customer_total{otel_metric_overflow="true"} 3

            """,
            harness.Scrape());
    }
}

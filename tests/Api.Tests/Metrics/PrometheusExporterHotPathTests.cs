using OrderEngine.Api.Tests.Metrics.Support;

namespace OrderEngine.Api.Tests.Metrics;

public sealed class PrometheusExporterHotPathTests
{
    private const int Threads = 4;
    private const int PerThread = 25_000;

    [Fact]
    public void Concurrent_adds_and_records_from_many_threads_are_all_counted()
    {
        using var harness = new ExporterHarness(options => options.HistogramBoundaries["latency"] = [1]);
        var counter = harness.Meter.CreateCounter<long>("orders", description: "Orders");
        var sum = harness.Meter.CreateCounter<double>("amount", description: "Amount");
        var histogram = harness.Meter.CreateHistogram<double>("latency", "s", "Latency");
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var tag = new KeyValuePair<string, object?>("parity", t % 2 == 0 ? "even" : "odd");
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                counter.Add(1, tag);
                sum.Add(0.5);
                histogram.Record(i % 2 == 0 ? 0.5 : 2);
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Equal(
            """
            # HELP amount_total Amount
            # TYPE amount_total counter
            amount_total 50000
            # HELP latency Latency
            # TYPE latency histogram
            latency_bucket{le="1"} 50000
            latency_bucket{le="+Inf"} 100000
            latency_sum 125000
            latency_count 100000
            # HELP orders_total Orders
            # TYPE orders_total counter
            orders_total{parity="even"} 50000
            orders_total{parity="odd"} 50000

            """,
            harness.Scrape());
    }

    [Fact]
    public void Measurements_of_known_tag_sets_allocate_nothing()
    {
        using var harness = new ExporterHarness();
        var counter = harness.Meter.CreateCounter<long>("orders", description: "Orders");
        var histogram = harness.Meter.CreateHistogram<double>("latency", "s", "Latency");
        var sku = new KeyValuePair<string, object?>("sku", "SKU-1");
        var status = new KeyValuePair<string, object?>("status", "ok");

        void Measure(int times)
        {
            for (var i = 0; i < times; i++)
            {
                counter.Add(1);
                counter.Add(1, sku);
                counter.Add(1, sku, status);
                histogram.Record(0.01, sku);
            }
        }

        Measure(1_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Measure(10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Contains("orders_total{sku=\"SKU-1\"} 11000\n", harness.Scrape(), StringComparison.Ordinal);
    }
}

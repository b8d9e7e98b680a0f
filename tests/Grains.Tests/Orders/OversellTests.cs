using System.Diagnostics;
using System.Globalization;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;
using OrderEngine.Grains.Skus;
using OrderEngine.Grains.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit.Abstractions;

namespace OrderEngine.Grains.Tests.Orders;

public sealed class OversellTests(ITestOutputHelper output)
{
    private const int Stock = 1_000;
    private const int Orders = 5_000;
    private const int Customers = 200;
    private const int Limit = 6;

    [Fact]
    public async Task Five_thousand_concurrent_orders_from_200_customers_reserve_and_sell_exactly_the_stock_within_the_limits()
    {
        // Writes take 1 ms, like an fsync: storage is asynchronous, as in production, so concurrent SKU writes can share one.
        await using var silo = await OrderSilo.StartAsync(storage: new CountingGrainStorage(TimeSpan.FromMilliseconds(1)));
        var sku = await silo.DefineSkuAsync(stock: Stock, price: 1m, limit: Limit);
        var samples = new List<SkuSnapshot>();
        using var stop = new CancellationTokenSource();
        var sampler = SampleAsync(silo.Sku(sku), samples, stop.Token);
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(Enumerable.Range(0, Orders).Select(i =>
            silo.Order($"{sku}-order-{i}").Place(OrderScenarios.OneLine(sku, 1, $"customer-{i % Customers}"))));
        var placed = clock.Elapsed;
        var afterPlace = await silo.Sku(sku).GetSnapshot();
        await Eventually.WaitAsync(async () => (await silo.Sku(sku).GetSnapshot()).Sold == Stock, "every accepted order is paid", TimeSpan.FromSeconds(60));
        var paid = clock.Elapsed;
        await stop.CancelAsync();
        await sampler;

        var accepted = results.Where(r => r.Accepted).ToArray();
        Assert.Equal(Stock, accepted.Length);
        Assert.Equal((0, Stock), (afterPlace.Available, afterPlace.Reserved + afterPlace.Sold));
        Assert.Equal(Orders - Stock, results.Count(r => r.Rejection?.Reason is ReserveOutcome.SoldOut or ReserveOutcome.LimitExceeded));
        Assert.All(accepted.GroupBy(r => r.Order.CustomerId), g => Assert.InRange(g.Count(), 1, Limit));
        Assert.All(results, r => Assert.True(r.Rejection is null || r.Rejection.Available >= 0));
        Assert.All(samples, s => Assert.True(s.Available >= 0 && s.Available + s.Reserved + s.Sold == Stock, $"snapshot {s}"));
        Assert.Equal(new SkuSnapshot(sku, true, Stock, 0, 0, Stock, 1m, Limit, null, null, 0), await silo.Sku(sku).GetSnapshot());
        foreach (var result in accepted)
        {
            Assert.Equal(OrderStatus.Paid, (await silo.Order(result.Order.OrderId).GetSnapshot())!.Status);
        }

        var skuWrites = silo.Storage.WritesOf(SkuGrain.StateName, "sku", sku);
        Assert.InRange(skuWrites, 2, 1 + (2 * Stock));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Orders} Place calls answered in {placed.TotalMilliseconds:0} ms ({Orders / placed.TotalSeconds:0} orders/s); all {Stock} paid after {paid.TotalMilliseconds:0} ms; {samples.Count} snapshots sampled."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SKU storage writes: {skuWrites} for {1 + (2 * Stock)} state changes (define + {Stock} reserves + {Stock} commits); {Orders - Stock} refusals wrote nothing; group commit saved {1 + (2 * Stock) - skuWrites} writes."));
    }

    private static async Task SampleAsync(ISkuGrain sku, List<SkuSnapshot> samples, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            samples.Add(await sku.GetSnapshot());
            await Task.Yield();
        }
    }
}

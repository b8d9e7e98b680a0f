using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Grains.Tests.Support;
using OrderEngine.Testing.Time;

namespace OrderEngine.Grains.Tests.Admin;

public sealed class OrderIndexTests
{
    /// <summary>Timeouts long enough that the stuck listing, not the timeouts, sees the orders first.</summary>
    private static readonly Dictionary<string, string?> SlowTimeouts = new()
    {
        ["Orders:StartPaymentAutomatically"] = "false",
        ["Orders:UnpaidTimeout"] = "02:00:00",
        ["Orders:ProcessingTimeout"] = "02:00:00",
    };

    [Fact]
    public async Task Recent_orders_are_listed_newest_first_across_shards()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var sku = await silo.DefineSkuAsync(stock: 100);
        var placed = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var orderId = OrderSilo.NewKey("order");
            await silo.Order(orderId).Place(OrderScenarios.OneLine(sku));
            placed.Add(orderId);
            silo.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var index = silo.Grains.GetGrain<IOrderIndexGrain>(0);
        await Eventually.WaitAsync(async () => (await index.GetRecent(20)).Count == 12, "the index has every order");

        var recent = await index.GetRecent(10);
        Assert.Equal(Enumerable.Reverse(placed).Take(10), recent.Select(o => o.OrderId));
        Assert.All(recent, o => Assert.Equal((OrderStatus.Reserved, 10m, 2L), (o.Status, o.Total, o.Sequence)));
        Assert.True(placed.Select(OrderStreams.ShardOf).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Stuck_orders_are_processing_for_30_minutes_or_reserved_for_15_oldest_first()
    {
        await using var silo = await OrderSilo.StartAsync(SlowTimeouts);
        silo.Breaker.Isolate();
        var sku = await silo.DefineSkuAsync(stock: 100);
        var processing = await PlaceAsync(silo, sku, process: true);
        silo.Clock.Advance(TimeSpan.FromMinutes(10));
        var reserved = await PlaceAsync(silo, sku, process: false);
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        var fresh = await PlaceAsync(silo, sku, process: true);
        var index = silo.Grains.GetGrain<IOrderIndexGrain>(0);
        await Eventually.WaitAsync(async () => (await index.GetRecent(10)).Count(o => o.Status == OrderStatus.Processing) == 2, "the index sees both processing orders");

        var early = await index.GetStuck(new StuckOrdersQuery());
        silo.Clock.Advance(TimeSpan.FromMinutes(20));
        var stuck = await index.GetStuck(new StuckOrdersQuery());
        var custom = await index.GetStuck(new StuckOrdersQuery(ProcessingOlderThan: TimeSpan.FromMinutes(20)));

        Assert.Empty(early);
        Assert.Equal([(processing, OrderStatus.Processing), (reserved, OrderStatus.Reserved)], stuck.Select(o => (o.OrderId, o.Status)));
        Assert.Equal([processing, reserved, fresh], custom.Select(o => o.OrderId));
    }

    [Fact]
    public async Task Forced_processing_re_runs_the_payment_of_a_stuck_order()
    {
        await using var silo = await OrderSilo.StartAsync(SlowTimeouts);
        silo.Breaker.Isolate();
        var sku = await silo.DefineSkuAsync(stock: 100);
        var orderId = await PlaceAsync(silo, sku, process: true);
        await silo.WaitForRefusedPaymentsAsync(1);
        silo.Clock.Advance(TimeSpan.FromMinutes(31));
        silo.Breaker.Reset();

        var forced = await silo.Grains.GetGrain<IOrderIndexGrain>(0).ForceProcess(orderId);
        var paid = await silo.WaitForStatusAsync(orderId, OrderStatus.Paid);

        Assert.Equal((OrderStatus.Processing, "payment re-run forced by an operator"), (forced.Status, forced.History[^1].Reason));
        Assert.Equal((1, 0), (paid.PaymentAttempts, forced.PaymentAttempts));
        await Assert.ThrowsAsync<InvalidOrderTransitionException>(() => silo.Grains.GetGrain<IOrderIndexGrain>(0).ForceProcess(orderId));
    }

    [Fact]
    public async Task The_stuck_listing_checks_its_candidates_against_the_orders_themselves()
    {
        await using var silo = await OrderSilo.StartAsync(SlowTimeouts);
        var sku = await silo.DefineSkuAsync(stock: 100);
        var orderId = await PlaceAsync(silo, sku, process: false);
        var shard = silo.Grains.GetGrain<IOrderIndexShardGrain>(OrderStreams.ShardOf(orderId));
        await Eventually.WaitAsync(async () => (await shard.GetRecent(10)).Any(o => o.OrderId == orderId), "the shard knows the order");
        silo.Clock.Advance(TimeSpan.FromMinutes(16));

        var listed = await shard.GetStuck(new StuckOrdersQuery());
        await silo.Order(orderId).Cancel("gone");
        var afterCancel = await shard.GetStuck(new StuckOrdersQuery());

        Assert.Equal([orderId], listed.Select(o => o.OrderId));
        Assert.Empty(afterCancel);
    }

    private static async Task<string> PlaceAsync(OrderSilo silo, string sku, bool process)
    {
        var orderId = OrderSilo.NewKey("order");
        await silo.Order(orderId).Place(OrderScenarios.OneLine(sku));
        if (process)
        {
            await silo.Order(orderId).Process(force: false);
        }

        return orderId;
    }
}

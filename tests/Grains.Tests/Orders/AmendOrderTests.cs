using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;
using OrderEngine.Grains.Orders;
using OrderEngine.Grains.Tests.Support;

namespace OrderEngine.Grains.Tests.Orders;

public sealed class AmendOrderTests
{
    [Fact]
    public async Task Amending_re_reserves_grows_shrinks_adds_and_drops_lines()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var a = await silo.DefineSkuAsync(stock: 10, price: 1m);
        var b = await silo.DefineSkuAsync(stock: 10, price: 2m);
        var c = await silo.DefineSkuAsync(stock: 10, price: 3m);
        var orderId = OrderSilo.NewKey("order");
        await silo.Order(orderId).Place(new PlaceOrder("c1", [new(a, 2), new(b, 4)]));

        var amended = await silo.Order(orderId).Amend(new AmendOrder([new(a, 5), new(c, 1)], "customer changed the basket"));

        Assert.True(amended.Accepted);
        Assert.Equal([new OrderItem(a, 5, 1m), new OrderItem(c, 1, 3m)], amended.Order.Items);
        Assert.Equal((OrderStatus.Reserved, 8m), (amended.Order.Status, amended.Order.Total));
        Assert.Equal(
            new OrderHistoryEntry(silo.Clock.GetUtcNow(), OrderHistoryKind.Amended, OrderStatus.Reserved, OrderStatus.Reserved, $"customer changed the basket: {a} x5, {c} x1"),
            amended.Order.History[^1]);
        var reserved = await Reserved(silo, a, b, c);
        Assert.Equal([5, 0, 1], reserved);
    }

    [Fact]
    public async Task A_refused_amendment_rolls_back_what_it_took_and_the_order_keeps_its_old_lines()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var a = await silo.DefineSkuAsync(stock: 10);
        var b = await silo.DefineSkuAsync(stock: 10);
        var scarce = await silo.DefineSkuAsync(stock: 2);
        var orderId = OrderSilo.NewKey("order");
        var placed = await silo.Order(orderId).Place(new PlaceOrder("c1", [new(a, 2), new(b, 3)]));

        var amended = await silo.Order(orderId).Amend(new AmendOrder([new(a, 6), new(b, 1), new(scarce, 3)], null));

        Assert.Equal(new OrderRejection(scarce, ReserveOutcome.InsufficientStock, 3, 2), amended.Rejection);
        Assert.Equal(placed.Order.Items, amended.Order.Items);
        Assert.Equal((OrderHistoryKind.AmendmentRejected, $"lines amended: SKU {scarce}: InsufficientStock (requested 3, available 2)"), (amended.Order.History[^1].Kind, amended.Order.History[^1].Reason));
        var reserved = await Reserved(silo, a, b, scarce);
        Assert.Equal([2, 3, 0], reserved);
    }

    [Fact]
    public async Task An_amendment_interrupted_by_a_failed_write_is_finished_when_the_order_activates_again()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var a = await silo.DefineSkuAsync(stock: 10);
        var b = await silo.DefineSkuAsync(stock: 10);
        var orderId = OrderSilo.NewKey("order");
        await silo.Order(orderId).Place(new PlaceOrder("c1", [new(a, 2)]));
        silo.Storage.FailNextWrite(OrderGrain.StateName, "order", orderId, r => r.Payload.Contains("\"kind\":\"Amended\"", StringComparison.Ordinal));

        await Assert.ThrowsAsync<IOException>(() => silo.Order(orderId).Amend(new AmendOrder([new(a, 4), new(b, 1)], "more")));
        var recovered = (await silo.Order(orderId).GetSnapshot())!;

        Assert.Equal([new OrderItem(a, 4, 10m), new OrderItem(b, 1, 10m)], recovered.Items);
        Assert.Equal(("amendment resumed after an interruption", OrderHistoryKind.Amended), (recovered.History[^1].Reason.Split(':')[0], recovered.History[^1].Kind));
        var reserved = await Reserved(silo, a, b);
        Assert.Equal([4, 1], reserved);
    }

    [Fact]
    public async Task Amending_to_the_lines_the_order_already_has_changes_nothing()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var a = await silo.DefineSkuAsync(stock: 10);
        var orderId = OrderSilo.NewKey("order");
        var placed = await silo.Order(orderId).Place(OrderScenarios.OneLine(a, 2));
        var writes = silo.Storage.WritesOf(OrderGrain.StateName, "order", orderId);

        var amended = await silo.Order(orderId).Amend(new AmendOrder([new(a, 2)], "same"));

        Assert.Equal(new AmendOrderResult(placed.Order, null).Order.History, amended.Order.History);
        Assert.Equal(writes, silo.Storage.WritesOf(OrderGrain.StateName, "order", orderId));
    }

    private static async Task<int[]> Reserved(OrderSilo silo, params string[] skus) =>
        await Task.WhenAll(skus.Select(async sku => (await silo.Sku(sku).GetSnapshot()).Reserved));
}

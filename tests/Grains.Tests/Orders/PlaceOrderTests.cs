using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;
using OrderEngine.Grains.Orders;
using OrderEngine.Grains.Tests.Support;
using OrderEngine.Runtime.Streams;
using OrderEngine.Testing.Time;

namespace OrderEngine.Grains.Tests.Orders;

public sealed class PlaceOrderTests
{
    [Fact]
    public async Task A_refused_line_releases_every_line_taken_and_records_the_order_as_failed_with_the_sku_and_reason()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var a = await silo.DefineSkuAsync(stock: 5);
        var b = await silo.DefineSkuAsync(stock: 1);
        var c = await silo.DefineSkuAsync(stock: 5);
        var orderId = OrderSilo.NewKey("order");

        var result = await silo.Order(orderId).Place(new PlaceOrder("c1", [new(a, 2), new(b, 2), new(c, 1)]));

        Assert.False(result.Accepted);
        Assert.Equal(new OrderRejection(b, ReserveOutcome.InsufficientStock, 2, 1), result.Rejection);
        Assert.Equal((OrderStatus.Failed, $"SKU {b}: InsufficientStock (requested 2, available 1)", 0), (result.Order.Status, result.Order.FailureReason, result.Order.Items.Count));
        foreach (var (sku, stock) in new[] { (a, 5), (b, 1), (c, 5) })
        {
            Assert.Equal(new SkuSnapshot(sku, true, stock, stock, 0, 0, 10m, null, null, null, 0), await silo.Sku(sku).GetSnapshot());
        }

        Assert.Null(await silo.TimeoutDueAsync(orderId));
    }

    [Fact]
    public async Task Placing_the_same_order_again_gives_the_same_answer_and_takes_nothing_more()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var sku = await silo.DefineSkuAsync(stock: 10, price: 3m);
        var soldOut = await silo.DefineSkuAsync(stock: 0);
        var accepted = OrderSilo.NewKey("order");
        var refused = OrderSilo.NewKey("order");
        var first = await silo.Order(accepted).Place(OrderScenarios.OneLine(sku, 4));
        var firstRefusal = await silo.Order(refused).Place(OrderScenarios.OneLine(soldOut));
        int Writes() => silo.Storage.WritesOf(OrderGrain.StateName, "order", accepted) + silo.Storage.WritesOf(OrderGrain.StateName, "order", refused)
            + silo.Storage.WritesOf("sku", "sku", sku) + silo.Storage.WritesOf("sku", "sku", soldOut);
        var writes = Writes();
        await silo.Sku(soldOut).Restock(5);

        var again = await silo.Order(accepted).Place(OrderScenarios.OneLine(sku, 4));
        var againRefusal = await silo.Order(refused).Place(OrderScenarios.OneLine(soldOut));

        Assert.Equal(first.Order.History, again.Order.History);
        Assert.Equal(first with { Order = again.Order }, again);
        Assert.Equal((OrderStatus.Reserved, 12m), (again.Order.Status, again.Order.Total));
        Assert.Equal(firstRefusal.Rejection, againRefusal.Rejection);
        Assert.Equal(new OrderRejection(soldOut, ReserveOutcome.SoldOut, 1, 0), againRefusal.Rejection);
        Assert.Equal(writes + 1, Writes());
        Assert.Equal((6, 4), await AvailableAndReserved(silo, sku));
        Assert.Equal((5, 0), await AvailableAndReserved(silo, soldOut));
    }

    [Fact]
    public async Task The_same_order_id_with_other_lines_or_another_customer_is_a_typed_conflict()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var sku = await silo.DefineSkuAsync(stock: 10);
        var orderId = OrderSilo.NewKey("order");
        await silo.Order(orderId).Place(OrderScenarios.OneLine(sku, 2, "c1"));

        var otherLines = await Assert.ThrowsAsync<OrderConflictException>(() => silo.Order(orderId).Place(OrderScenarios.OneLine(sku, 3, "c1")));
        var otherCustomer = await Assert.ThrowsAsync<OrderConflictException>(() => silo.Order(orderId).Place(OrderScenarios.OneLine(sku, 2, "c2")));

        Assert.Equal((orderId, orderId), (otherLines.OrderId, otherCustomer.OrderId));
        Assert.Equal((8, 2), await AvailableAndReserved(silo, sku));
    }

    [Theory]
    [InlineData("", "an order needs at least one line.")]
    [InlineData("x:0", "SKU x: quantity must be positive, not 0.")]
    [InlineData("x:1,x:2", "SKU x appears on more than one line.")]
    [InlineData(" :1", "every line needs a SKU.")]
    public async Task Invalid_lines_are_refused_before_anything_is_written(string lines, string reason)
    {
        await using var silo = await OrderSilo.StartAsync();
        var orderId = OrderSilo.NewKey("order");
        var parsed = lines.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => new OrderLine(l.Split(':')[0], int.Parse(l.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        var error = await Assert.ThrowsAsync<InvalidOrderException>(() => silo.Order(orderId).Place(new PlaceOrder("c1", parsed)));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(0, silo.Storage.WritesOf(OrderGrain.StateName, "order", orderId));
        Assert.Null(await silo.Order(orderId).GetSnapshot());
    }

    [Fact]
    public async Task Place_answers_once_stock_is_reserved_and_payment_then_runs_in_its_own_turn()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 3, price: 5m);
        var orderId = OrderSilo.NewKey("order");

        var placed = await silo.Order(orderId).Place(OrderScenarios.OneLine(sku, 2));
        var paid = await silo.WaitForStatusAsync(orderId, OrderStatus.Paid);

        Assert.Equal(OrderStatus.Reserved, placed.Order.Status);
        Assert.Equal(
            [OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Processing, OrderStatus.Paid],
            paid.History.Select(h => h.To));
        Assert.Equal(new SkuSnapshot(sku, true, 3, 1, 0, 2, 5m, null, null, null, 0), await silo.Sku(sku).GetSnapshot());
        Assert.Equal([new Grains.Payments.PaymentRequest(orderId, "customer-1", 10m, "USD")], silo.Gateway.Charges);
    }

    [Fact]
    public async Task An_order_interrupted_while_placing_is_resumed_by_placing_it_again_without_taking_twice()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var orderId = await OrderScenarios.OrderInAsync(silo, OrderStatus.Pending);
        var sku = (await silo.Order(orderId).GetSnapshot())!.History.Count == 1 ? PendingSku(silo, orderId) : throw new InvalidOperationException();

        var resumed = await silo.Order(orderId).Place(OrderScenarios.OneLine(sku));

        Assert.Equal((true, OrderStatus.Reserved), (resumed.Accepted, resumed.Order.Status));
        Assert.Equal((9, 1), await AvailableAndReserved(silo, sku));
    }

    [Fact]
    public async Task Lifecycle_events_reach_the_order_events_stream_in_order_with_growing_sequences()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 3);
        var orderId = OrderSilo.NewKey("order");
        using var events = new StreamProbe<OrderEvent>(silo.Silo.Services, new StreamId(OrderStreams.Events, OrderStreams.StreamKeyOf(orderId)));

        await silo.Order(orderId).Place(OrderScenarios.OneLine(sku));
        await silo.WaitForStatusAsync(orderId, OrderStatus.Paid);
        await Eventually.WaitAsync(() => events.Items.Count(e => e.OrderId == orderId) == 4, "four events");

        var mine = events.Items.Where(e => e.OrderId == orderId).ToArray();
        Assert.Equal(
            [(1L, OrderEventKind.Created, OrderStatus.Pending), (2L, OrderEventKind.Reserved, OrderStatus.Reserved), (3L, OrderEventKind.PaymentStarted, OrderStatus.Processing), (4L, OrderEventKind.Paid, OrderStatus.Paid)],
            mine.Select(e => (e.Sequence, e.Kind, e.Status)));
        Assert.All(mine, e => Assert.Equal(("customer-1", silo.Clock.GetUtcNow()), (e.CustomerId, e.At)));
    }

    private static string PendingSku(OrderSilo silo, string orderId)
    {
        var payload = silo.Storage.Peek(OrderGrain.StateName, "order", orderId)!;
        var start = payload.IndexOf("\"sku\":\"", StringComparison.Ordinal) + 7;
        return payload[start..payload.IndexOf('"', start)];
    }

    private static async Task<(int Available, int Reserved)> AvailableAndReserved(OrderSilo silo, string sku)
    {
        var snapshot = await silo.Sku(sku).GetSnapshot();
        return (snapshot.Available, snapshot.Reserved);
    }
}

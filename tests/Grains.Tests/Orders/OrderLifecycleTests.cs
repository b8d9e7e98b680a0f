using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Grains.Tests.Support;

namespace OrderEngine.Grains.Tests.Orders;

public sealed class OrderLifecycleTests
{
    /// <summary>What each command of each status leads to; a missing entry is an illegal move.</summary>
    private static readonly Dictionary<(OrderStatus, OrderCommand), OrderStatus> Legal = new()
    {
        [(OrderStatus.Pending, OrderCommand.Cancel)] = OrderStatus.Cancelled,
        [(OrderStatus.Reserved, OrderCommand.Cancel)] = OrderStatus.Cancelled,
        [(OrderStatus.Reserved, OrderCommand.Process)] = OrderStatus.Processing,
        [(OrderStatus.Reserved, OrderCommand.ForceProcess)] = OrderStatus.Processing,
        [(OrderStatus.Reserved, OrderCommand.Amend)] = OrderStatus.Reserved,
        [(OrderStatus.Processing, OrderCommand.ForceProcess)] = OrderStatus.Processing,
        [(OrderStatus.Paid, OrderCommand.Ship)] = OrderStatus.Shipped,
        [(OrderStatus.Shipped, OrderCommand.Complete)] = OrderStatus.Completed,
    };

    public static TheoryData<OrderStatus, OrderCommand> Cases()
    {
        var data = new TheoryData<OrderStatus, OrderCommand>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var command in Enum.GetValues<OrderCommand>())
            {
                data.Add(status, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_command_in_every_status_moves_as_the_table_says_or_throws_a_typed_conflict(OrderStatus status, OrderCommand command)
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var orderId = await OrderScenarios.OrderInAsync(silo, status);
        var order = silo.Order(orderId);
        var before = (await order.GetSnapshot())!;

        if (Legal.TryGetValue((status, command), out var expected))
        {
            var after = await RunAsync(silo, order, command);
            Assert.Equal(expected, after.Status);
            Assert.Equal(before.History.Count + 1, after.History.Count);
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidOrderTransitionException>(() => RunAsync(silo, order, command));
            Assert.Equal((orderId, status, Target(command)), (error.OrderId, error.From, error.To));
            Assert.Equal(before, await order.GetSnapshot());
        }
    }

    [Fact]
    public async Task History_records_every_transition_with_the_clock_time_and_reason()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var sku = await silo.DefineSkuAsync(stock: 5, price: 4m);
        var orderId = OrderSilo.NewKey("order");
        var order = silo.Order(orderId);
        var t0 = silo.Clock.GetUtcNow();

        await order.Place(OrderScenarios.OneLine(sku, 2));
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await order.Process(force: false);
        await silo.WaitForStatusAsync(orderId, OrderStatus.Paid);
        silo.Clock.Advance(TimeSpan.FromMinutes(2));
        await order.Ship("TRACK-9");
        silo.Clock.Advance(TimeSpan.FromMinutes(3));
        var done = await order.Complete();

        var t1 = t0.AddMinutes(1);
        Assert.Equal(
            [
                new OrderHistoryEntry(t0, OrderHistoryKind.Created, null, OrderStatus.Pending, "order placed"),
                new OrderHistoryEntry(t0, OrderHistoryKind.Transition, OrderStatus.Pending, OrderStatus.Reserved, "every line reserved"),
                new OrderHistoryEntry(t1, OrderHistoryKind.Transition, OrderStatus.Reserved, OrderStatus.Processing, "payment requested"),
                new OrderHistoryEntry(t1, OrderHistoryKind.Transition, OrderStatus.Processing, OrderStatus.Paid, "payment approved"),
                new OrderHistoryEntry(t0.AddMinutes(3), OrderHistoryKind.Transition, OrderStatus.Paid, OrderStatus.Shipped, "shipped (TRACK-9)"),
                new OrderHistoryEntry(t0.AddMinutes(6), OrderHistoryKind.Transition, OrderStatus.Shipped, OrderStatus.Completed, "completed"),
            ],
            done.History);
        Assert.Equal((8m, 1, $"tx-{orderId}", "TRACK-9", t0, t0.AddMinutes(6)), (done.Total, done.PaymentAttempts, done.TransactionId, done.TrackingNumber, done.CreatedAt, done.StatusSince));
        Assert.Equal((3, 0, 2), await SkuCounts(silo, sku));
    }

    [Fact]
    public async Task Cancelling_releases_the_stock_and_a_pending_order_releases_what_it_took()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var reservedOrder = await OrderScenarios.OrderInAsync(silo, OrderStatus.Reserved);
        var pendingOrder = await OrderScenarios.OrderInAsync(silo, OrderStatus.Pending);
        var reservedSku = (await silo.Order(reservedOrder).GetSnapshot())!.Items[0].Sku;

        var cancelled = await silo.Order(reservedOrder).Cancel("customer asked");
        await silo.Order(pendingOrder).Cancel("interrupted");

        Assert.Equal((OrderStatus.Cancelled, "customer asked"), (cancelled.Status, cancelled.History[^1].Reason));
        Assert.Equal((10, 0, 0), await SkuCounts(silo, reservedSku));
        Assert.Equal(0, (await silo.Sku(PendingSku(silo, pendingOrder)).GetSnapshot()).Reserved);
    }

    [Fact]
    public async Task Commands_on_an_order_that_was_never_placed_are_not_found()
    {
        await using var silo = await OrderSilo.StartAsync();
        var orderId = OrderSilo.NewKey("order");

        Assert.Null(await silo.Order(orderId).GetSnapshot());
        Assert.Equal(orderId, (await Assert.ThrowsAsync<OrderNotFoundException>(() => silo.Order(orderId).Cancel("x"))).OrderId);
        await Assert.ThrowsAsync<OrderNotFoundException>(() => silo.Order(orderId).Ship(null));
    }

    private static string PendingSku(OrderSilo silo, string orderId)
    {
        var payload = silo.Storage.Peek(Grains.Orders.OrderGrain.StateName, "order", orderId)!;
        var start = payload.IndexOf("\"sku\":\"", StringComparison.Ordinal) + 7;
        return payload[start..payload.IndexOf('"', start)];
    }

    private static async Task<(int Available, int Reserved, int Sold)> SkuCounts(OrderSilo silo, string sku)
    {
        var snapshot = await silo.Sku(sku).GetSnapshot();
        return (snapshot.Available, snapshot.Reserved, snapshot.Sold);
    }

    private static OrderStatus Target(OrderCommand command) => command switch
    {
        OrderCommand.Cancel => OrderStatus.Cancelled,
        OrderCommand.Process or OrderCommand.ForceProcess => OrderStatus.Processing,
        OrderCommand.Ship => OrderStatus.Shipped,
        OrderCommand.Complete => OrderStatus.Completed,
        _ => OrderStatus.Reserved,
    };

    private static async Task<OrderSnapshot> RunAsync(OrderSilo silo, IOrderGrain order, OrderCommand command) => command switch
    {
        OrderCommand.Cancel => await order.Cancel("test"),
        OrderCommand.Process => await order.Process(force: false),
        OrderCommand.ForceProcess => await order.Process(force: true),
        OrderCommand.Ship => await order.Ship(null),
        OrderCommand.Complete => await order.Complete(),
        _ => (await order.Amend(new AmendOrder([new OrderLine(await silo.DefineSkuAsync(stock: 3), 1)], "swap"))).Order,
    };
}

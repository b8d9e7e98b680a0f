using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;
using OrderEngine.Grains.Tests.Support;
using OrderEngine.Runtime.Streams;
using OrderEngine.Testing.Time;

namespace OrderEngine.Grains.Tests.Orders;

public sealed class OrderTimeoutTests
{
    private static readonly TimeSpan Unpaid = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Stuck = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task An_unpaid_order_is_cancelled_after_15_minutes_and_not_before_and_its_stock_released()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        var sku = await silo.DefineSkuAsync(stock: 5);
        var orderId = OrderSilo.NewKey("order");
        var placedAt = silo.Clock.GetUtcNow();
        await silo.Order(orderId).Place(OrderScenarios.OneLine(sku, 3));

        silo.Clock.Advance(Unpaid - TimeSpan.FromMilliseconds(1));
        Assert.Equal(OrderStatus.Reserved, (await silo.Order(orderId).GetSnapshot())!.Status);
        Assert.Equal(3, (await silo.Sku(sku).GetSnapshot()).Reserved);
        silo.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var cancelled = await silo.WaitForStatusAsync(orderId, OrderStatus.Cancelled);

        Assert.Equal(
            new OrderHistoryEntry(placedAt + Unpaid, OrderHistoryKind.Transition, OrderStatus.Reserved, OrderStatus.Cancelled, "unpaid for 00:15:00: reservation expired"),
            cancelled.History[^1]);
        await Eventually.WaitAsync(async () => (await silo.Sku(sku).GetSnapshot()).Available == 5, "the stock is released");
        Assert.Equal(new SkuSnapshot(sku, true, 5, 5, 0, 0, 10m, null, null, null, 0), await silo.Sku(sku).GetSnapshot());
        await Eventually.WaitAsync(async () => await silo.TimeoutDueAsync(orderId) is null, "the fired reminder is gone");
    }

    [Fact]
    public async Task The_one_timeout_follows_the_state_unpaid_then_processing_and_goes_once_paid()
    {
        await using var silo = await OrderSilo.StartAsync(OrderScenarios.ManualPayment);
        silo.Breaker.Isolate();
        var sku = await silo.DefineSkuAsync(stock: 5);
        var orderId = OrderSilo.NewKey("order");

        var placedAt = silo.Clock.GetUtcNow();
        await silo.Order(orderId).Place(OrderScenarios.OneLine(sku));
        var afterPlace = await silo.TimeoutDueAsync(orderId);
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        var processAt = silo.Clock.GetUtcNow();
        await silo.Order(orderId).Process(force: false);
        await silo.WaitForRefusedPaymentsAsync(1);
        var afterProcess = await silo.TimeoutDueAsync(orderId);
        silo.Breaker.Reset();
        await silo.Order(orderId).Process(force: true);
        await silo.WaitForStatusAsync(orderId, OrderStatus.Paid);
        await Eventually.WaitAsync(async () => await silo.TimeoutDueAsync(orderId) is null, "the timeout is removed once paid");

        Assert.Equal(placedAt + Unpaid, afterPlace);
        Assert.Equal(processAt + TimeSpan.FromMinutes(30), afterProcess);
        Assert.Empty(await silo.Reminders.ReadGrainAsync(new GrainId("order", orderId), CancellationToken.None));
    }

    [Fact]
    public async Task An_order_stuck_in_processing_is_retried_every_30_minutes_twice_then_failed_with_a_dead_letter()
    {
        await using var silo = await OrderSilo.StartAsync();
        silo.Breaker.Isolate();
        var sku = await silo.DefineSkuAsync(stock: 5, price: 7m);
        var orderId = OrderSilo.NewKey("order");
        using var deadLetters = new StreamProbe<DeadLetter>(silo.Silo.Services, new StreamId(OrderStreams.DeadLetters, OrderStreams.StreamKeyOf(orderId)));
        await silo.Order(orderId).Place(OrderScenarios.OneLine(sku, 2));
        await silo.WaitForRefusedPaymentsAsync(1);
        var start = silo.Clock.GetUtcNow();

        silo.Clock.Advance(Stuck - TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, (await silo.Order(orderId).GetSnapshot())!.History.Count);
        for (var retry = 1; retry <= 2; retry++)
        {
            silo.Clock.Advance(retry == 1 ? TimeSpan.FromMilliseconds(1) : Stuck);
            var expected = 3 + retry;
            await Eventually.WaitAsync(async () => (await silo.Order(orderId).GetSnapshot())!.History.Count == expected, $"stuck retry {retry}");
        }

        silo.Clock.Advance(Stuck);
        var failed = await silo.WaitForStatusAsync(orderId, OrderStatus.Failed);

        Assert.Equal(
            [
                (start + Stuck, OrderStatus.Processing, "stuck in Processing for 00:30:00: retry 1 of 2"),
                (start + (2 * Stuck), OrderStatus.Processing, "stuck in Processing for 00:30:00: retry 2 of 2"),
                (start + (3 * Stuck), OrderStatus.Failed, "stuck in Processing: no payment outcome within 00:30:00 after 2 retries"),
            ],
            failed.History.Skip(3).Select(h => (h.At, h.To, h.Reason)));
        await Eventually.WaitAsync(() => deadLetters.Items.Count == 1, "the dead letter is published");
        Assert.Equal(new DeadLetter(orderId, "customer-1", 14m, failed.FailureReason!, 0, start + (3 * Stuck)), deadLetters.Items[0]);
        await Eventually.WaitAsync(async () => (await silo.Sku(sku).GetSnapshot()).Available == 5, "the stock is released");
        Assert.Empty(silo.Gateway.Charges);
    }

    [Fact]
    public async Task The_unpaid_timeout_survives_a_silo_restart()
    {
        var storage = new CountingGrainStorage();
        var reminders = new Runtime.Reminders.MemoryReminderTable();
        var clock = new ManualTimeProvider();
        var orderId = OrderSilo.NewKey("order");
        string sku;
        await using (var first = await OrderSilo.StartAsync(OrderScenarios.ManualPayment, storage, reminders, clock))
        {
            sku = await first.DefineSkuAsync(stock: 4);
            await first.Order(orderId).Place(OrderScenarios.OneLine(sku, 4));
        }

        await using var second = await OrderSilo.StartAsync(OrderScenarios.ManualPayment, storage, reminders, clock);
        Assert.Null(second.Silo.ActivationIdOf(new GrainId("order", orderId)));
        clock.Advance(Unpaid);

        await second.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        await Eventually.WaitAsync(async () => (await second.Sku(sku).GetSnapshot()).Available == 4, "the stock is released on the new silo");
    }

    [Fact]
    public async Task The_processing_timeout_survives_a_silo_restart_and_the_retry_pays()
    {
        var storage = new CountingGrainStorage();
        var reminders = new Runtime.Reminders.MemoryReminderTable();
        var clock = new ManualTimeProvider();
        var orderId = OrderSilo.NewKey("order");
        string sku;
        await using (var first = await OrderSilo.StartAsync(storage: storage, reminders: reminders, clock: clock))
        {
            first.Breaker.Isolate();
            sku = await first.DefineSkuAsync(stock: 4);
            await first.Order(orderId).Place(OrderScenarios.OneLine(sku, 1));
            await first.WaitForRefusedPaymentsAsync(1);
        }

        await using var second = await OrderSilo.StartAsync(storage: storage, reminders: reminders, clock: clock);
        clock.Advance(Stuck);

        var paid = await second.WaitForStatusAsync(orderId, OrderStatus.Paid);
        Assert.Equal((1, $"tx-{orderId}"), (paid.PaymentAttempts, paid.TransactionId));
        Assert.Equal("stuck in Processing for 00:30:00: retry 1 of 2", paid.History[^2].Reason);
        await Eventually.WaitAsync(async () => (await second.Sku(sku).GetSnapshot()).Sold == 1, "the stock is sold");
    }
}

using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Payments;
using OrderEngine.Grains.Tests.Support;
using OrderEngine.Runtime.Streams;
using OrderEngine.Testing.Time;

namespace OrderEngine.Grains.Tests.Orders;

public sealed class PaymentFlowTests
{
    [Fact]
    public async Task A_declined_payment_fails_the_order_releases_its_stock_and_publishes_a_dead_letter()
    {
        await using var silo = await OrderSilo.StartAsync();
        silo.Gateway.Default = GatewayBehaviour.Decline;
        var sku = await silo.DefineSkuAsync(stock: 3, price: 20m);
        var orderId = OrderSilo.NewKey("order");
        using var deadLetters = new StreamProbe<DeadLetter>(silo.Silo.Services, new StreamId(OrderStreams.DeadLetters, OrderStreams.StreamKeyOf(orderId)));

        await silo.Order(orderId).Place(OrderScenarios.OneLine(sku, 2, "c-9"));
        var failed = await silo.WaitForStatusAsync(orderId, OrderStatus.Failed);

        Assert.Equal(("payment declined: insufficient funds", 1), (failed.FailureReason, failed.PaymentAttempts));
        await Eventually.WaitAsync(() => deadLetters.Items.Count == 1, "the dead letter is published");
        Assert.Equal(new DeadLetter(orderId, "c-9", 40m, "payment declined: insufficient funds", 1, silo.Clock.GetUtcNow()), deadLetters.Items[0]);
        await Eventually.WaitAsync(async () => (await silo.Sku(sku).GetSnapshot()).Available == 3, "the stock is released");
    }

    [Fact]
    public async Task Transient_failures_are_retried_a_bounded_number_of_times_with_the_order_id_as_idempotency_key()
    {
        await using var silo = await OrderSilo.StartAsync();
        silo.Gateway.Default = GatewayBehaviour.Fail;
        var sku = await silo.DefineSkuAsync(stock: 3);
        var orderId = OrderSilo.NewKey("order");
        using var deadLetters = new StreamProbe<DeadLetter>(silo.Silo.Services, new StreamId(OrderStreams.DeadLetters, OrderStreams.StreamKeyOf(orderId)));

        await silo.Order(orderId).Place(OrderScenarios.OneLine(sku));
        var failed = await silo.WaitForStatusAsync(orderId, OrderStatus.Failed);

        Assert.Equal(("payment failed after 3 attempt(s): gateway error 503", 3), (failed.FailureReason, failed.PaymentAttempts));
        Assert.Equal([orderId, orderId, orderId], silo.Gateway.Charges.Select(c => c.IdempotencyKey));
        await Eventually.WaitAsync(() => deadLetters.Items.Count == 1, "the dead letter is published");
        Assert.Equal(3, deadLetters.Items[0].Attempts);
    }

    [Fact]
    public async Task A_transient_failure_followed_by_an_approval_pays_the_order()
    {
        await using var silo = await OrderSilo.StartAsync();
        silo.Gateway.Enqueue(GatewayBehaviour.Fail);
        var sku = await silo.DefineSkuAsync(stock: 3);
        var orderId = OrderSilo.NewKey("order");

        await silo.Order(orderId).Place(OrderScenarios.OneLine(sku));
        var paid = await silo.WaitForStatusAsync(orderId, OrderStatus.Paid);

        Assert.Equal((2, $"tx-{orderId}"), (paid.PaymentAttempts, paid.TransactionId));
    }

    [Fact]
    public async Task When_the_breaker_opens_mid_payment_the_order_waits_in_processing_and_pays_when_the_circuit_half_opens()
    {
        await using var silo = await OrderSilo.StartAsync();
        silo.Gateway.Default = GatewayBehaviour.Fail;
        var sku = await silo.DefineSkuAsync(stock: 3);
        var first = OrderSilo.NewKey("order");
        var second = OrderSilo.NewKey("order");

        await silo.Order(first).Place(OrderScenarios.OneLine(sku));
        await silo.WaitForStatusAsync(first, OrderStatus.Failed);
        await silo.Order(second).Place(OrderScenarios.OneLine(sku));
        await Eventually.WaitAsync(() => silo.Gateway.ChargesOf(second) == 2 && silo.Breaker.State == CircuitState.Open, "the fifth failure opens the circuit");
        silo.Gateway.Default = GatewayBehaviour.Approve;
        Assert.Equal(OrderStatus.Processing, (await silo.Order(second).GetSnapshot())!.Status);

        silo.Clock.Advance(TimeSpan.FromSeconds(30));
        var paid = await silo.WaitForStatusAsync(second, OrderStatus.Paid);

        Assert.Equal(3, paid.PaymentAttempts);
        Assert.Equal(3, silo.Gateway.ChargesOf(second));
        Assert.Equal(CircuitState.HalfOpen, silo.Breaker.State);
    }
}

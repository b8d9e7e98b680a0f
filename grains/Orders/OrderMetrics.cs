using System.Diagnostics.Metrics;
using OrderEngine.GrainInterfaces.Payments;
using OrderEngine.GrainInterfaces.Skus;
using OrderEngine.Grains.Payments;

namespace OrderEngine.Grains.Orders;

/// <summary>The order domain's instruments, on the meter "OrderEngine.Orders" (the silo exports them to /metrics).</summary>
public sealed class OrderMetrics
{
    public const string MeterName = "OrderEngine.Orders";

    private readonly Counter<long> _placed;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _paid;
    private readonly Counter<long> _paymentFailed;
    private readonly Counter<long> _cancelled;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _paymentAttempts;

    public OrderMetrics(IMeterFactory meterFactory, ConsecutiveFailureCircuitBreaker breaker)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(breaker);
        var meter = meterFactory.Create(MeterName);
        _placed = meter.CreateCounter<long>("orderengine.orders.placed", description: "Orders recorded (first Place of an order id)");
        _rejected = meter.CreateCounter<long>("orderengine.orders.rejected", description: "Orders refused at placement, by SKU outcome (sold out, limit...)");
        _paid = meter.CreateCounter<long>("orderengine.orders.paid", description: "Orders paid");
        _paymentFailed = meter.CreateCounter<long>("orderengine.orders.payment_failed", description: "Orders failed in payment");
        _cancelled = meter.CreateCounter<long>("orderengine.orders.cancelled", description: "Orders cancelled, by cause");
        _deadLettered = meter.CreateCounter<long>("orderengine.orders.dead_lettered", description: "Orders moved to the dead-letter stream");
        _paymentAttempts = meter.CreateCounter<long>("orderengine.payments.attempts", description: "Payment gateway attempts");
        meter.CreateObservableGauge(
            "orderengine.payments.circuit_breaker_state",
            () => breaker.State switch
            {
                CircuitState.Closed => 0,
                CircuitState.HalfOpen => 2,
                _ => 1,
            },
            description: "Payment circuit breaker: 0 closed, 1 open (or isolated), 2 half-open");
    }

    public void Placed() => _placed.Add(1);

    public void Rejected(ReserveOutcome outcome) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", outcome.ToString()));

    public void Paid() => _paid.Add(1);

    public void PaymentFailed() => _paymentFailed.Add(1);

    public void Cancelled(string cause) => _cancelled.Add(1, new KeyValuePair<string, object?>("cause", cause));

    public void DeadLettered() => _deadLettered.Add(1);

    public void PaymentAttempts(int attempts) => _paymentAttempts.Add(attempts);
}

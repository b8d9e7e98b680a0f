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
    private readonly Counter<long> _processed;
    private readonly Counter<long> _processedSuccess;
    private readonly Counter<long> _processedFailed;
    private readonly Counter<long> _soldOut;
    private readonly Histogram<double> _processingDuration;

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
        _deadLettered = meter.CreateCounter<long>("processor_orders_moved_to_dlq", description: "Orders moved to the dead-letter stream");
        _processed = meter.CreateCounter<long>("processor_orders_processed", description: "Orders whose payment processing ended (paid or failed)");
        _processedSuccess = meter.CreateCounter<long>("processor_orders_processed_success", description: "Orders paid");
        _processedFailed = meter.CreateCounter<long>("processor_orders_processed_failed", description: "Orders failed in payment");
        _soldOut = meter.CreateCounter<long>("processor_orders_sold_out", description: "Orders refused because the SKU had too few units left, by reason");
        _processingDuration = meter.CreateHistogram<double>("processor_order_processing_duration_seconds", unit: "s", description: "Time from the start of payment processing to paid or failed");
        _paymentAttempts = meter.CreateCounter<long>("orderengine.payments.attempts", description: "Payment gateway attempts");
        meter.CreateObservableGauge(
            "gateway_circuit_breaker_state",
            () => breaker.State switch
            {
                CircuitState.Closed => 0,
                CircuitState.HalfOpen => 2,
                _ => 1,
            },
            description: "Payment circuit breaker: 0 closed, 1 open (or isolated), 2 half-open");
    }

    public void Placed() => _placed.Add(1);

    public void Rejected(ReserveOutcome outcome)
    {
        var reason = new KeyValuePair<string, object?>("reason", outcome.ToString());
        _rejected.Add(1, reason);
        if (outcome is ReserveOutcome.SoldOut or ReserveOutcome.InsufficientStock)
        {
            _soldOut.Add(1, reason);
        }
    }

    public void Paid(TimeSpan processing)
    {
        _paid.Add(1);
        _processed.Add(1);
        _processedSuccess.Add(1);
        _processingDuration.Record(processing.TotalSeconds);
    }

    public void PaymentFailed(TimeSpan processing)
    {
        _paymentFailed.Add(1);
        _processed.Add(1);
        _processedFailed.Add(1);
        _processingDuration.Record(processing.TotalSeconds);
    }

    public void Cancelled(string cause) => _cancelled.Add(1, new KeyValuePair<string, object?>("cause", cause));

    public void DeadLettered() => _deadLettered.Add(1);

    public void PaymentAttempts(int attempts) => _paymentAttempts.Add(attempts);
}

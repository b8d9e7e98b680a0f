using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Grains.Payments;

namespace OrderEngine.Grains.Orders;

/// <summary>
/// Payment runs in its own turn (a grain timer), never inside the call that asked for it, so Place and
/// Process answer as soon as the state is durable. The run is bounded by the payment pipeline (timeout
/// per attempt, bounded retries); a deferral by the circuit breaker is retried when the break ends, and
/// the processing timeout reminder is the durable backstop if the timer is lost.
/// </summary>
public sealed partial class OrderGrain
{
    private void SchedulePayment(TimeSpan dueTime)
    {
        _paymentTimer?.Dispose();
        _paymentTimer = RegisterTimer(RunScheduledPaymentAsync, dueTime, Timeout.InfiniteTimeSpan);
    }

    private async Task RunScheduledPaymentAsync(CancellationToken cancellationToken)
    {
        var timer = _paymentTimer;
        _paymentTimer = null;
        try
        {
            switch (State.Status)
            {
                case OrderStatus.Reserved:
                    await BeginProcessingAsync("payment started");
                    await AttemptPaymentAsync(cancellationToken);
                    break;
                case OrderStatus.Processing:
                    await AttemptPaymentAsync(cancellationToken);
                    break;
                default:
                    OrderLog.PaymentSkipped(_logger, OrderId, State.Status);
                    break;
            }
        }
        finally
        {
            timer?.Dispose();
        }
    }

    private async Task AttemptPaymentAsync(CancellationToken cancellationToken)
    {
        var request = new PaymentRequest(OrderId, State.CustomerId!, State.Total, _payments.Currency);
        var outcome = await _payments.PayAsync(request, cancellationToken);
        _metrics.PaymentAttempts(outcome.Attempts);
        var attempts = State.PaymentAttempts + outcome.Attempts;
        switch (outcome.Kind)
        {
            case PaymentOutcomeKind.Approved:
                await MarkPaidAsync(outcome.TransactionId!, attempts);
                break;
            case PaymentOutcomeKind.Declined:
            case PaymentOutcomeKind.Failed:
                await MarkPaymentFailedAsync(outcome.Reason, attempts);
                break;
            default:
                DeferPayment(outcome, attempts);
                break;
        }
    }

    /// <summary>The breaker refused: the order stays in Processing (no transition, nothing to write yet) and tries again when the break ends.</summary>
    private void DeferPayment(PaymentOutcome outcome, int attempts)
    {
        _state.State = State with { PaymentAttempts = attempts };
        TimeSpan? delay = outcome.RetryAfter is { } after
            ? (after > _options.MinimumPaymentRetryDelay ? after : _options.MinimumPaymentRetryDelay)
            : null;
        OrderLog.PaymentDeferred(_logger, OrderId, delay, outcome.Reason);
        if (delay is { } due)
        {
            SchedulePayment(due);
        }
    }
}

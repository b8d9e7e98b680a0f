using System.Collections.Immutable;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Grains.Orders;

/// <summary>
/// One method per transition. Each checks the table before doing anything, moves the state, records the
/// lifecycle event in the outbox (published after the write commits), writes, then does what must follow
/// the write (stock settlement, reminder cleanup).
/// </summary>
public sealed partial class OrderGrain
{
    private Task CreateAsync(string customerId, ImmutableArray<OrderLine> lines)
    {
        _state.State = OrderState.Create(customerId, lines, Now);
        Publish(OrderEventKind.Created, "order placed");
        _metrics.Placed();
        return _state.WriteStateAsync();
    }

    private Task MarkReservedAsync(ImmutableArray<OrderItem> items)
    {
        Move(OrderStatus.Reserved, "every line reserved", state => state with { Items = items });
        Publish(OrderEventKind.Reserved, "every line reserved");
        return _state.WriteStateAsync();
    }

    private async Task MarkRejectedAsync(OrderRejection rejection)
    {
        Move(OrderStatus.Failed, rejection.Message, state => state with { Rejection = rejection, FailureReason = rejection.Message });
        Publish(OrderEventKind.Rejected, rejection.Message);
        await _state.WriteStateAsync();
        _metrics.Rejected(rejection.Reason);
        OrderLog.Rejected(_logger, OrderId, rejection.Message);
        await ClearTimeoutAsync(OrderReminders.Timeout);
    }

    private async Task BeginProcessingAsync(string reason)
    {
        Require(OrderStatus.Processing);
        var deadline = Now + _options.ProcessingTimeout;
        await RegisterTimeoutAsync(OrderReminders.Timeout, _options.ProcessingTimeout);
        Move(OrderStatus.Processing, reason, state => state with { ProcessingDeadline = deadline });
        Publish(OrderEventKind.PaymentStarted, reason);
        await _state.WriteStateAsync();
    }

    private async Task RetryProcessingAsync(string reason, bool countsAsStuckRetry)
    {
        Require(OrderStatus.Processing);
        var deadline = Now + _options.ProcessingTimeout;
        await RegisterTimeoutAsync(OrderReminders.Timeout, _options.ProcessingTimeout);
        Move(OrderStatus.Processing, reason, state => state with
        {
            ProcessingDeadline = deadline,
            ProcessingRetries = state.ProcessingRetries + (countsAsStuckRetry ? 1 : 0),
        });
        Publish(OrderEventKind.PaymentRetried, reason);
        await _state.WriteStateAsync();
    }

    private async Task MarkPaidAsync(string transactionId, int attempts)
    {
        var processing = Now - State.StatusSince;
        Move(OrderStatus.Paid, "payment approved", state => state with
        {
            TransactionId = transactionId,
            PaymentAttempts = attempts,
            ProcessingDeadline = null,
            PendingStock = StockAction.Commit,
        });
        Publish(OrderEventKind.Paid, $"payment approved ({transactionId})");
        await _state.WriteStateAsync();
        _metrics.Paid(processing);
        await SettleStockAsync();
        await ClearTimeoutAsync(OrderReminders.Timeout);
    }

    private async Task MarkPaymentFailedAsync(string reason, int attempts)
    {
        var processing = Now - State.StatusSince;
        Move(OrderStatus.Failed, reason, state => state with
        {
            FailureReason = reason,
            PaymentAttempts = attempts,
            ProcessingDeadline = null,
            PendingStock = StockAction.Release,
        });
        Publish(OrderEventKind.PaymentFailed, reason);
        _state.RecordEvent(_deadLetters, new DeadLetter(OrderId, State.CustomerId!, State.Total, reason, attempts, Now));
        await _state.WriteStateAsync();
        _metrics.PaymentFailed(processing);
        _metrics.DeadLettered();
        OrderLog.DeadLettered(_logger, OrderId, attempts, reason);
        await SettleStockAsync();
        await ClearTimeoutAsync(OrderReminders.Timeout);
    }

    private async Task MarkCancelledAsync(string reason, string cause)
    {
        Move(OrderStatus.Cancelled, reason, state => state with { PendingStock = StockAction.Release });
        Publish(OrderEventKind.Cancelled, reason);
        await _state.WriteStateAsync();
        _metrics.Cancelled(cause);
        await SettleStockAsync();
        await ClearTimeoutAsync(OrderReminders.Timeout);
    }

    private Task MarkShippedAsync(string? trackingNumber)
    {
        var reason = trackingNumber is null ? "shipped" : $"shipped ({trackingNumber})";
        Move(OrderStatus.Shipped, reason, state => state with { TrackingNumber = trackingNumber });
        Publish(OrderEventKind.Shipped, reason);
        return _state.WriteStateAsync();
    }

    private Task MarkCompletedAsync()
    {
        Move(OrderStatus.Completed, "completed");
        Publish(OrderEventKind.Completed, "completed");
        return _state.WriteStateAsync();
    }

    private Task RecordAmendmentAsync(ImmutableArray<OrderItem> items, string reason)
    {
        var lines = string.Join(", ", items.Select(item => $"{item.Sku} x{item.Quantity}"));
        _state.State = State.Note(OrderHistoryKind.Amended, Now, $"{reason}: {lines}") with { Items = items, PendingAmendment = null };
        Publish(OrderEventKind.Amended, reason);
        OrderLog.Amended(_logger, OrderId, "applied", reason);
        return _state.WriteStateAsync();
    }

    private Task RecordRejectedAmendmentAsync(OrderRejection rejection, string reason)
    {
        _state.State = State.Note(OrderHistoryKind.AmendmentRejected, Now, $"{reason}: {rejection.Message}") with { PendingAmendment = null };
        OrderLog.Amended(_logger, OrderId, "rejected", rejection.Message);
        return _state.WriteStateAsync();
    }

    /// <summary>Does the recorded stock work (commit or release every line), then records it done.</summary>
    private async Task SettleStockAsync()
    {
        switch (State.PendingStock)
        {
            case StockAction.Commit:
                await Stock.CommitAsync(State.Items.Select(item => item.Sku));
                break;
            case StockAction.Release:
                // Every SKU the order may hold: a Pending order may hold lines not yet in Items.
                await Stock.ReleaseAsync(State.Items.Select(item => item.Sku).Concat(State.RequestedLines.Select(line => line.Sku)));
                break;
            default:
                return;
        }

        _state.State = State with { PendingStock = StockAction.None };
        await _state.WriteStateAsync();
    }

    private void Require(OrderStatus to) => OrderTransitions.Require(OrderId, State.Status, to);

    private void Move(OrderStatus to, string reason, Func<OrderState, OrderState>? change = null)
    {
        var from = State.Status;
        var moved = State.TransitionTo(OrderId, to, Now, reason);
        _state.State = change is null ? moved : change(moved);
        OrderLog.Transition(_logger, OrderId, from, to, reason);
    }

    private void Publish(OrderEventKind kind, string reason) =>
        _state.RecordEvent(_events, new OrderEvent(
            OrderId, State.History.Length, kind, State.Status, State.CustomerId!, State.Total, State.CreatedAt, State.StatusSince, Now, reason));
}

using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Grains.Orders;

/// <summary>
/// Durable timeouts: one-shot reminders that are durable before the order holds what they protect
/// (stock for the unpaid timeout, a payment in flight for the processing timeout), so a crash can leave
/// an extra reminder, never a missing one; removed once the order has left that state. Handlers check
/// the state first: delivery is at least once.
/// </summary>
public sealed partial class OrderGrain
{
    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        OrderReminders.Timeout => State.Status == OrderStatus.Processing ? OnProcessingTimeoutAsync() : OnUnpaidTimeoutAsync(),
        OrderReminders.LegacyUnpaidTimeout => OnUnpaidTimeoutAsync(),
        OrderReminders.LegacyProcessingTimeout => OnProcessingTimeoutAsync(),
        _ => Task.CompletedTask,
    };

    private async Task OnUnpaidTimeoutAsync()
    {
        if (!State.Exists || State.Status is not (OrderStatus.Pending or OrderStatus.Reserved))
        {
            OrderLog.TimeoutIgnored(_logger, OrderId, "unpaid", State.Status);
            return;
        }

        await MarkCancelledAsync($"unpaid for {_options.UnpaidTimeout}: reservation expired", "unpaid_timeout");
    }

    private async Task OnProcessingTimeoutAsync()
    {
        // A firing well before the recorded deadline is a late duplicate of an earlier registration.
        if (!State.Exists || State.Status != OrderStatus.Processing || Now < State.ProcessingDeadline - TimeSpan.FromSeconds(1))
        {
            OrderLog.TimeoutIgnored(_logger, OrderId, "processing", State.Status);
            return;
        }

        var retries = State.ProcessingRetries;
        if (retries >= _options.MaxProcessingRetries)
        {
            await MarkPaymentFailedAsync($"stuck in Processing: no payment outcome within {_options.ProcessingTimeout} after {retries} retries", State.PaymentAttempts);
            return;
        }

        await RetryProcessingAsync($"stuck in Processing for {_options.ProcessingTimeout}: retry {retries + 1} of {_options.MaxProcessingRetries}", countsAsStuckRetry: true);
        SchedulePayment(TimeSpan.Zero);
    }

    private async Task RegisterTimeoutAsync(string reminderName, TimeSpan dueTime) =>
        _reminders[reminderName] = await RegisterOrUpdateReminder(reminderName, dueTime, Timeout.InfiniteTimeSpan);

    private async Task ClearTimeoutAsync(string reminderName)
    {
        var reminder = _reminders.Remove(reminderName, out var known) ? known : await GetReminder(reminderName);
        if (reminder is not null)
        {
            await UnregisterReminder(reminder);
        }
    }
}

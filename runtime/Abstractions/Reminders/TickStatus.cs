namespace OrderEngine.Runtime.Reminders;

/// <summary>Passed to <see cref="IRemindable.ReceiveReminder"/>: when the reminder was first due, its period
/// (<see cref="Timeout.InfiniteTimeSpan"/> for one-shot) and the due time of this tick.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);

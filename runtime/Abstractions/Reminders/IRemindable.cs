namespace OrderEngine.Runtime.Reminders;

/// <summary>Implemented by grains that register reminders. Delivery is at least once: handlers must be idempotent.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}

namespace OrderEngine.Runtime.Reminders;

/// <summary>A reminder in the local schedule: its row, when it is due next and which tick that is.</summary>
internal sealed record ScheduledReminder(ReminderEntry Entry, DateTimeOffset DueAt, DateTimeOffset TickTime, int Attempt)
{
    public (GrainId, string) Key => (Entry.GrainId, Entry.ReminderName);
}

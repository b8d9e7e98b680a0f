namespace OrderEngine.Runtime.Reminders;

/// <summary>The handle returned to grain code for a registered reminder.</summary>
internal sealed record GrainReminder(string ReminderName, DateTimeOffset StartAt, TimeSpan Period, string? ETag) : IGrainReminder
{
    public static GrainReminder From(ReminderEntry entry) => new(entry.ReminderName, entry.StartAt, entry.Period, entry.ETag);
}

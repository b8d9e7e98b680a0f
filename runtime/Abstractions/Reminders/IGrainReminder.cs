namespace OrderEngine.Runtime.Reminders;

/// <summary>A handle to a registered reminder.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }

    /// <summary>When the reminder was first due.</summary>
    DateTimeOffset StartAt { get; }

    /// <summary><see cref="Timeout.InfiniteTimeSpan"/> for a one-shot reminder.</summary>
    TimeSpan Period { get; }
}

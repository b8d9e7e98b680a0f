namespace OrderEngine.Runtime.Reminders;

/// <summary>
/// One durable reminder row. <see cref="Period"/> is <see cref="Timeout.InfiniteTimeSpan"/> for a
/// one-shot reminder. <see cref="ETag"/> changes on every upsert, so removing a fired one-shot
/// reminder never removes a newer registration of the same name.
/// </summary>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period, string? ETag)
{
    public bool IsOneShot => Period == Timeout.InfiniteTimeSpan;

    /// <summary>The stable hash used to split reminders between silos.</summary>
    public uint GrainHash => GrainId.GetUniformHashCode();
}

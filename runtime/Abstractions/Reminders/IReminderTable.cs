namespace OrderEngine.Runtime.Reminders;

/// <summary>
/// Durable reminder storage. Ranges are over <see cref="GrainId.GetUniformHashCode"/>: a range
/// (begin, end] with begin &lt; end holds hashes greater than begin and at most end; begin &gt;= end wraps
/// around, and begin == end means the whole ring.
/// </summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginExclusive, uint endInclusive, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken);

    Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the reminder; returns its new ETag.</summary>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the reminder if its ETag is still <paramref name="eTag"/>; true if a row was removed.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken);
}

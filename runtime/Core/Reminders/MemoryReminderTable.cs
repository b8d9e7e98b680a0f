using System.Globalization;

namespace OrderEngine.Runtime.Reminders;

/// <summary>
/// An in-process <see cref="IReminderTable"/> for tests and single-silo development. Thread-safe. Every
/// upsert takes its ETag from one process-wide counter, so an ETag is never issued twice, not even to a
/// reminder upserted again after a removal. Like the durable tables it keeps start times and periods at
/// millisecond precision.
/// </summary>
public sealed class MemoryReminderTable : IReminderTable
{
    /// <summary>The last ETag issued by any instance (instances may share keys in tests, so the counter is static).</summary>
    private static long s_lastVersion;

    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId GrainId, string Name), ReminderEntry> _rows = [];

    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginExclusive, uint endInclusive, CancellationToken cancellationToken) =>
        Select(entry => InRange(entry.GrainHash, beginExclusive, endInclusive), cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken) =>
        Select(entry => entry.GrainId == grainId, cancellationToken);

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault((grainId, reminderName)));
        }
    }

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName, nameof(entry));
        if (!entry.IsOneShot)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(entry.Period, TimeSpan.Zero, nameof(entry));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var startAt = DateTimeOffset.FromUnixTimeMilliseconds(entry.StartAt.ToUnixTimeMilliseconds());
        var period = entry.IsOneShot ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds((long)entry.Period.TotalMilliseconds);
        lock (_lock)
        {
            var key = (entry.GrainId, entry.ReminderName);
            var eTag = Interlocked.Increment(ref s_lastVersion).ToString(CultureInfo.InvariantCulture);
            _rows[key] = entry with { StartAt = startAt, Period = period, ETag = eTag };
            return Task.FromResult(eTag);
        }
    }

    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var key = (grainId, reminderName);
            var removed = _rows.TryGetValue(key, out var current)
                && string.Equals(current.ETag, eTag, StringComparison.Ordinal)
                && _rows.Remove(key);
            return Task.FromResult(removed);
        }
    }

    private Task<IReadOnlyList<ReminderEntry>> Select(Func<ReminderEntry, bool> predicate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<ReminderEntry> rows = _rows.Values.Where(predicate).ToList();
            return Task.FromResult(rows);
        }
    }

    private static bool InRange(uint hash, uint beginExclusive, uint endInclusive) =>
        beginExclusive < endInclusive
            ? hash > beginExclusive && hash <= endInclusive
            : beginExclusive == endInclusive || hash > beginExclusive || hash <= endInclusive;
}

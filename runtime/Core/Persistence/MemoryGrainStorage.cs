using System.Globalization;

namespace OrderEngine.Runtime.Persistence;

/// <summary>
/// An in-process <see cref="IGrainStorage"/> for tests and single-silo development. Thread-safe; the
/// ETag is the record's version (1 on insert, +1 on every write), as in the durable providers.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainStateKey, StoredGrainState> _records = [];

    public Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_records.GetValueOrDefault(key));
        }
    }

    public Task<string> WriteAsync(GrainStateKey key, GrainStateRecord record, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var current = _records.GetValueOrDefault(key);
            ThrowIfMismatch(key, current, expectedETag);
            var version = current is null ? 1 : long.Parse(current.ETag, CultureInfo.InvariantCulture) + 1;
            var eTag = version.ToString(CultureInfo.InvariantCulture);
            _records[key] = new StoredGrainState(record, eTag);
            return Task.FromResult(eTag);
        }
    }

    public Task ClearAsync(GrainStateKey key, string? expectedETag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var current = _records.GetValueOrDefault(key);
            ThrowIfMismatch(key, current, expectedETag);
            _records.Remove(key);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<GrainStateKey>> ListPendingOutboxAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<GrainStateKey> pending = _records
                .Where(pair => pair.Value.Record.Outbox is not null)
                .Select(pair => pair.Key)
                .Take(limit)
                .ToList();
            return Task.FromResult(pending);
        }
    }

    private static void ThrowIfMismatch(GrainStateKey key, StoredGrainState? current, string? expectedETag)
    {
        if (!string.Equals(current?.ETag, expectedETag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"ETag mismatch for state '{key.StateName}' of grain {key.GrainId}: expected {expectedETag ?? "<none>"}, stored {current?.ETag ?? "<none>"}.",
                current?.ETag,
                expectedETag);
        }
    }
}

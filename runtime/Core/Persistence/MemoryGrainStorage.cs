using System.Globalization;

namespace OrderEngine.Runtime.Persistence;

/// <summary>
/// An in-process <see cref="IGrainStorage"/> for tests and single-silo development. Thread-safe. Every
/// write takes its ETag from one process-wide counter, so an ETag is never issued twice, not even to a
/// record inserted again after a clear: an activation holding an ETag of the cleared record can never commit.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    /// <summary>The last ETag issued by any instance (instances may share keys in tests, so the counter is static).</summary>
    private static long s_lastVersion;

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
            var eTag = Interlocked.Increment(ref s_lastVersion).ToString(CultureInfo.InvariantCulture);
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

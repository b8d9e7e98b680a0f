using System.Collections.Immutable;

namespace OrderEngine.Runtime.Membership;

/// <summary>
/// An in-process <see cref="IMembershipTable"/> for one cluster: tests and single-process clusters. Thread-safe
/// (one lock); one instance can be shared by every silo of a test cluster. ETags come from one process-wide
/// counter, so an ETag is never issued twice, not even to a silo row deleted and inserted again. Times are kept
/// exactly as given (the durable providers keep microseconds).
/// </summary>
public sealed class MemoryMembershipTable : IMembershipTable
{
    /// <summary>The last ETag issued by any instance (instances may hold the same silo addresses in tests, so the counter is static).</summary>
    private static long s_lastETag;

    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, MembershipRow> _rows = [];
    private long? _version;

    public MemoryMembershipTable(string clusterId = MembershipTableOptions.DefaultClusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        ClusterId = clusterId;
    }

    /// <summary>The cluster this table holds (informational: an instance holds exactly one cluster).</summary>
    public string ClusterId { get; }

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _version ??= 0;
        }

        return Task.CompletedTask;
    }

    public Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var version = _version ?? throw NotInitialized();
            var rows = _rows.Values.OrderBy(row => row.Entry.Silo).ToImmutableArray();
            return Task.FromResult(new MembershipSnapshot(rows, version));
        }
    }

    public Task<bool> TryInsertAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_version != expectedVersion || _rows.ContainsKey(entry.Silo))
            {
                return Task.FromResult(false);
            }

            _rows.Add(entry.Silo, new MembershipRow(entry, NextETag()));
            _version = expectedVersion + 1;
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryUpdateAsync(MembershipEntry entry, long expectedETag, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_version != expectedVersion || !_rows.TryGetValue(entry.Silo, out var current) || current.ETag != expectedETag)
            {
                return Task.FromResult(false);
            }

            _rows[entry.Silo] = new MembershipRow(entry, NextETag());
            _version = expectedVersion + 1;
            return Task.FromResult(true);
        }
    }

    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_rows.TryGetValue(silo, out var current))
            {
                _rows[silo] = current with { Entry = current.Entry with { IAmAliveAt = at } };
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> CleanupDefunctAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            // No version change: dead is final, so removing a dead row changes no decision made on a snapshot
            // that held it (see IMembershipTable.CleanupDefunctAsync).
            var defunct = _rows.Values
                .Where(row => row.Entry.Status == SiloStatus.Dead && row.Entry.IAmAliveAt < olderThan)
                .Select(row => row.Entry.Silo)
                .ToList();
            foreach (var silo in defunct)
            {
                _rows.Remove(silo);
            }

            return Task.FromResult(defunct.Count);
        }
    }

    public Task DeleteClusterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _rows.Clear();
            _version = null;
        }

        return Task.CompletedTask;
    }

    private static long NextETag() => Interlocked.Increment(ref s_lastETag);

    private InvalidOperationException NotInitialized() =>
        new($"Membership cluster '{ClusterId}' has no version row: call InitializeAsync first.");
}

using System.Collections.Concurrent;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Grains.Tests.Support;

/// <summary>
/// Memory storage that counts committed writes per state and can fail chosen writes. With a write latency
/// (real time, like a disk's) writes complete asynchronously, as a durable provider's do, so group commit can coalesce them.
/// </summary>
public sealed class CountingGrainStorage(TimeSpan writeLatency = default) : IGrainStorage
{
    private readonly MemoryGrainStorage _inner = new();
    private readonly ConcurrentDictionary<GrainStateKey, int> _writes = new();
    private readonly ConcurrentDictionary<GrainStateKey, Func<GrainStateRecord, bool>> _failures = new();
    private int _total;

    public int TotalWrites => Volatile.Read(ref _total);

    public int WritesOf(string stateName, string grainType, string key) =>
        _writes.GetValueOrDefault(new GrainStateKey(stateName, new GrainId(grainType, key)));

    /// <summary>Committed writes of every grain's state named <paramref name="stateName"/>.</summary>
    public int WritesOfState(string stateName) => _writes.Where(w => w.Key.StateName == stateName).Sum(w => w.Value);

    /// <summary>The next write of this state whose record matches <paramref name="when"/> fails with an IOException.</summary>
    public void FailNextWrite(string stateName, string grainType, string key, Func<GrainStateRecord, bool> when) =>
        _failures[new GrainStateKey(stateName, new GrainId(grainType, key))] = when;

    public string? Peek(string stateName, string grainType, string key) =>
        _inner.ReadAsync(new GrainStateKey(stateName, new GrainId(grainType, key)), CancellationToken.None).GetAwaiter().GetResult()?.Record.Payload;

    public Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken) => _inner.ReadAsync(key, cancellationToken);

    public async Task<string> WriteAsync(GrainStateKey key, GrainStateRecord record, string? expectedETag, CancellationToken cancellationToken)
    {
        if (_failures.TryGetValue(key, out var when) && when(record) && _failures.TryRemove(key, out _))
        {
            throw new IOException($"injected write failure for {key.GrainId}");
        }

        if (writeLatency > TimeSpan.Zero)
        {
            await Task.Delay(writeLatency, cancellationToken);
        }

        var eTag = await _inner.WriteAsync(key, record, expectedETag, cancellationToken);
        _writes.AddOrUpdate(key, 1, (_, count) => count + 1);
        Interlocked.Increment(ref _total);
        return eTag;
    }

    public Task ClearAsync(GrainStateKey key, string? expectedETag, CancellationToken cancellationToken) => _inner.ClearAsync(key, expectedETag, cancellationToken);

    public Task<IReadOnlyList<GrainStateKey>> ListPendingOutboxAsync(int limit, CancellationToken cancellationToken) => _inner.ListPendingOutboxAsync(limit, cancellationToken);
}

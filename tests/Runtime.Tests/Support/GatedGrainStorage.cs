using System.Collections.Concurrent;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Tests.Support;

/// <summary>
/// Memory storage whose writes the test can hold at a gate and then release or fail: makes group
/// commit and failure handling observable without timing luck.
/// </summary>
public sealed class GatedGrainStorage : IGrainStorage
{
    private readonly MemoryGrainStorage _inner = new();
    private readonly ConcurrentQueue<WriteGate> _gates = new();
    private int _writes;
    private int _failedWrites;

    /// <summary>Writes that committed.</summary>
    public int Writes => Volatile.Read(ref _writes);

    public int FailedWrites => Volatile.Read(ref _failedWrites);

    /// <summary>The next write waits at this gate.</summary>
    public WriteGate HoldNextWrite()
    {
        var gate = new WriteGate();
        _gates.Enqueue(gate);
        return gate;
    }

    public StoredGrainState? Peek(GrainStateKey key) => _inner.ReadAsync(key, CancellationToken.None).GetAwaiter().GetResult();

    public Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken) => _inner.ReadAsync(key, cancellationToken);

    public async Task<string> WriteAsync(GrainStateKey key, GrainStateRecord record, string? expectedETag, CancellationToken cancellationToken)
    {
        if (_gates.TryDequeue(out var gate))
        {
            try
            {
                await gate.PassAsync();
            }
            catch
            {
                Interlocked.Increment(ref _failedWrites);
                throw;
            }
        }

        var eTag = await _inner.WriteAsync(key, record, expectedETag, cancellationToken);
        Interlocked.Increment(ref _writes);
        return eTag;
    }

    public Task ClearAsync(GrainStateKey key, string? expectedETag, CancellationToken cancellationToken) => _inner.ClearAsync(key, expectedETag, cancellationToken);

    public Task<IReadOnlyList<GrainStateKey>> ListPendingOutboxAsync(int limit, CancellationToken cancellationToken) => _inner.ListPendingOutboxAsync(limit, cancellationToken);

    /// <summary>Holds one write until released or failed.</summary>
    public sealed class WriteGate
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when a write is waiting at the gate.</summary>
        public Task Reached => _reached.Task;

        public void Release() => _outcome.TrySetResult();

        public void Fail(Exception exception) => _outcome.TrySetException(exception);

        internal Task PassAsync()
        {
            _reached.TrySetResult();
            return _outcome.Task;
        }
    }
}

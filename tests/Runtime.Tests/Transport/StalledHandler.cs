using System.Buffers;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Tests.Transport;

/// <summary>Blocks the read loop in the first frame until released: the peer's socket buffers fill up, and this side notices nothing (not even a close) meanwhile.</summary>
internal sealed class StalledHandler : IFrameHandler, IDisposable
{
    private readonly TaskCompletionSource<SiloConnection> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _release = new();
    private int _count;

    public Task<SiloConnection> FirstFrame => _first.Task;

    public int Count => Volatile.Read(ref _count);

    public void Release() => _release.Set();

    public void OnFrame(SiloConnection connection, ReadOnlySequence<byte> payload)
    {
        Interlocked.Increment(ref _count);
        _first.TrySetResult(connection);
        _release.Wait(SiloConnectionTests.Deadline);
    }

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
    }
}

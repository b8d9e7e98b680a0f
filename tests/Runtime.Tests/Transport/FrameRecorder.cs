using System.Buffers;
using System.Threading.Channels;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Tests.Transport;

/// <summary>Records every frame received (copied, as a handler must) for a test to read in arrival order.</summary>
internal sealed class FrameRecorder : IFrameHandler
{
    private readonly Channel<ReceivedFrame> _frames = Channel.CreateUnbounded<ReceivedFrame>();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void OnFrame(SiloConnection connection, ReadOnlySequence<byte> payload)
    {
        Interlocked.Increment(ref _count);
        _frames.Writer.TryWrite(new ReceivedFrame(connection, payload.ToArray()));
    }

    public ValueTask<ReceivedFrame> NextAsync(CancellationToken cancellationToken) => _frames.Reader.ReadAsync(cancellationToken);
}

using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace OrderEngine.Runtime.Transport;

/// <summary>
/// Writes frames into a connection's output pipe: reserves the 4-byte length prefix, lets the
/// payload write itself straight into the pipe's buffer (this class is the payload's
/// <see cref="IBufferWriter{T}"/>), then patches the prefix with the length written. The patch is
/// safe because a pipe hands nothing to the socket before the next flush, and the send loop flushes
/// only between frames. Used by one send loop at a time.
/// </summary>
internal sealed class FrameWriter(PipeWriter output, int maxFrameSize) : IBufferWriter<byte>
{
    private long _frameLength;

    /// <summary>Bytes written (prefixes included) since the last <see cref="ResetBuffered"/>.</summary>
    public long BufferedBytes { get; private set; }

    /// <summary>Writes one frame; returns the payload length. Throws what the payload throws, or <see cref="FrameTooLargeException"/>.</summary>
    public int WriteFrame(IFramePayload payload)
    {
        var header = output.GetMemory(FrameFormat.HeaderLength)[..FrameFormat.HeaderLength];
        output.Advance(FrameFormat.HeaderLength);
        _frameLength = 0;
        payload.Write(this);
        if (_frameLength > maxFrameSize)
        {
            throw new FrameTooLargeException(_frameLength, maxFrameSize);
        }

        BinaryPrimitives.WriteInt32LittleEndian(header.Span, (int)_frameLength);
        BufferedBytes += FrameFormat.HeaderLength + _frameLength;
        return (int)_frameLength;
    }

    public void ResetBuffered() => BufferedBytes = 0;

    public void Advance(int count)
    {
        output.Advance(count);
        _frameLength += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => output.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => output.GetSpan(sizeHint);
}

using System.Buffers;
using System.Buffers.Binary;

namespace OrderEngine.Runtime.Transport;

/// <summary>
/// The wire format: each frame is a 4-byte little-endian payload length followed by the payload.
/// Nothing else is framed; what a payload means is the business of the layer above.
/// </summary>
internal static class FrameFormat
{
    public const int HeaderLength = 4;

    /// <summary>
    /// Takes the next whole frame off the front of <paramref name="buffer"/>, without copying:
    /// <paramref name="payload"/> is a slice of the buffer. The announced length is checked before
    /// anything waits for the payload, so a hostile length never makes the reader buffer it.
    /// </summary>
    public static FrameReadStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxFrameSize, out ReadOnlySequence<byte> payload)
    {
        payload = default;
        if (buffer.Length < HeaderLength)
        {
            return FrameReadStatus.Incomplete;
        }

        var length = ReadLength(buffer);
        if ((uint)length > (uint)maxFrameSize)
        {
            return FrameReadStatus.TooLarge;
        }

        if (buffer.Length - HeaderLength < length)
        {
            return FrameReadStatus.Incomplete;
        }

        payload = buffer.Slice(HeaderLength, length);
        buffer = buffer.Slice(payload.End);
        return FrameReadStatus.Frame;
    }

    /// <summary>The length a buffer of at least <see cref="HeaderLength"/> bytes announces (negative when the top bit is set).</summary>
    public static int ReadLength(in ReadOnlySequence<byte> buffer)
    {
        var first = buffer.FirstSpan;
        if (first.Length >= HeaderLength)
        {
            return BinaryPrimitives.ReadInt32LittleEndian(first);
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        return BinaryPrimitives.ReadInt32LittleEndian(header);
    }
}

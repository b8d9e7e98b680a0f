using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace OrderEngine.Runtime.Transport;

/// <summary>
/// The first frame each way on a new connection. Layout: version byte, kind byte, connection id
/// (8 bytes), replaced connection id (8 bytes), then sender identity, target identity and reason,
/// each as a 2-byte length and UTF-8 bytes; all integers little-endian.
/// </summary>
internal sealed record HandshakeMessage(HandshakeKind Kind, long ConnectionId, long Replaces, string Sender, string Target, string Reason) : IFramePayload
{
    public const byte ProtocolVersion = 1;

    /// <summary>The largest identity (or reason), in UTF-8 bytes.</summary>
    public const int MaxStringBytes = 4096;

    /// <summary>The largest handshake frame a reader accepts.</summary>
    public const int MaxFrameSize = 2 + 8 + 8 + (3 * (2 + MaxStringBytes));

    private const int FixedLength = 2 + 8 + 8;

    public static HandshakeMessage Hello(long connectionId, long replaces, string sender, string target) =>
        new(HandshakeKind.Hello, connectionId, replaces, sender, target, string.Empty);

    public static HandshakeMessage Answer(HandshakeKind kind, HandshakeMessage hello, string sender, string reason = "") =>
        new(kind, hello.ConnectionId, 0, sender, hello.Sender, reason);

    /// <summary>Reads a handshake frame's payload; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static HandshakeMessage Parse(ReadOnlySequence<byte> payload)
    {
        if (payload.Length is < FixedLength or > MaxFrameSize)
        {
            throw new InvalidDataException($"A handshake frame of {payload.Length} bytes is not a handshake.");
        }

        var bytes = payload.ToArray();
        if (bytes[0] != ProtocolVersion)
        {
            throw new InvalidDataException($"The peer speaks transport protocol version {bytes[0]}; this silo speaks {ProtocolVersion}.");
        }

        var kind = (HandshakeKind)bytes[1];
        if (!Enum.IsDefined(kind))
        {
            throw new InvalidDataException($"Unknown handshake kind {bytes[1]}.");
        }

        var connectionId = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(2));
        var replaces = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(10));
        var rest = bytes.AsSpan(FixedLength);
        var sender = ReadString(ref rest);
        var target = ReadString(ref rest);
        var reason = ReadString(ref rest);
        if (!rest.IsEmpty)
        {
            throw new InvalidDataException("A handshake frame has trailing bytes.");
        }

        return new(kind, connectionId, replaces, sender, target, reason);
    }

    public void Write(IBufferWriter<byte> writer)
    {
        var span = writer.GetSpan(FixedLength);
        span[0] = ProtocolVersion;
        span[1] = (byte)Kind;
        BinaryPrimitives.WriteInt64LittleEndian(span[2..], ConnectionId);
        BinaryPrimitives.WriteInt64LittleEndian(span[10..], Replaces);
        writer.Advance(FixedLength);
        WriteString(writer, Sender);
        WriteString(writer, Target);
        WriteString(writer, Reason);
    }

    private static void WriteString(IBufferWriter<byte> writer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (length > MaxStringBytes)
        {
            throw new ArgumentException($"A silo identity or handshake reason may have at most {MaxStringBytes} UTF-8 bytes; this one has {length}.", nameof(value));
        }

        var span = writer.GetSpan(2 + length);
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)length);
        Encoding.UTF8.GetBytes(value, span[2..]);
        writer.Advance(2 + length);
    }

    private static string ReadString(ref Span<byte> rest)
    {
        if (rest.Length < 2)
        {
            throw new InvalidDataException("A handshake frame is cut short.");
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(rest);
        if (length > MaxStringBytes || rest.Length < 2 + length)
        {
            throw new InvalidDataException("A handshake frame is cut short.");
        }

        var value = Encoding.UTF8.GetString(rest.Slice(2, length));
        rest = rest[(2 + length)..];
        return value;
    }
}

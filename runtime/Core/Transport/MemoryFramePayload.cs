using System.Buffers;

namespace OrderEngine.Runtime.Transport;

/// <summary>A frame payload of bytes that already exist (handshakes, tests); the bytes must not change until written.</summary>
internal sealed class MemoryFramePayload(ReadOnlyMemory<byte> bytes) : IFramePayload
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public void Write(IBufferWriter<byte> writer) => writer.Write(Bytes.Span);
}

using System.Buffers;
using System.Buffers.Binary;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Tests.Transport;

/// <summary>A frame that says who sent it and its place in that sender's sequence, with a filler derived from both to detect corruption.</summary>
internal sealed class SequencedPayload(int sender, int sequence) : IFramePayload
{
    public static int FillerLength(int sequence) => sequence % 61;

    public static byte Filler(int sender, int sequence, int index) => (byte)((sender * 31) + sequence + index);

    public void Write(IBufferWriter<byte> writer)
    {
        var length = 8 + FillerLength(sequence);
        var span = writer.GetSpan(length);
        BinaryPrimitives.WriteInt32LittleEndian(span, sender);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], sequence);
        for (var i = 0; i < FillerLength(sequence); i++)
        {
            span[8 + i] = Filler(sender, sequence, i);
        }

        writer.Advance(length);
    }
}

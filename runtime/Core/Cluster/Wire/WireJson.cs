using System.Buffers;
using System.Text.Json;

namespace OrderEngine.Runtime.Cluster.Wire;

/// <summary>Writes a frame's kind byte and hands out a per-thread JSON writer over the frame buffer.</summary>
internal static class WireJson
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static Utf8JsonWriter Begin(IBufferWriter<byte> buffer, WireKind kind)
    {
        buffer.GetSpan(1)[0] = (byte)kind;
        buffer.Advance(1);
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        }
        else
        {
            writer.Reset(buffer);
        }

        return writer;
    }

    public static WireKind KindOf(in ReadOnlySequence<byte> payload) => payload.IsEmpty ? 0 : (WireKind)payload.FirstSpan[0];

    public static Utf8JsonReader Reader(in ReadOnlySequence<byte> payload) => new(payload.Slice(1));
}

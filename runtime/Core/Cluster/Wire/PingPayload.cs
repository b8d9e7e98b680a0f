using System.Buffers;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Cluster.Wire;

/// <summary>A membership probe (<see cref="WireKind.Ping"/>) or its answer (<see cref="WireKind.Pong"/>): <c>{"id"}</c>.</summary>
internal sealed class PingPayload(WireKind kind, long id) : IFramePayload
{
    public void Write(IBufferWriter<byte> buffer)
    {
        var writer = WireJson.Begin(buffer, kind);
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteEndObject();
        writer.Flush();
    }
}

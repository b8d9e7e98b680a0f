using System.Buffers;
using System.Text.Json;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Messaging;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Cluster.Wire;

/// <summary>
/// A grain call on the wire: <c>{"id","target","method","fwd","chain":[[grain,activation,turn]...],"args":[...]}</c>.
/// The method travels by its version-free key; arguments are typed by the method's parameter types.
/// </summary>
internal sealed class RequestPayload(long id, Message message, GrainRequest request, JsonSerializerOptions options) : IFramePayload
{
    public void Write(IBufferWriter<byte> buffer)
    {
        var writer = WireJson.Begin(buffer, WireKind.Request);
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteString("target", message.Target.ToString());
        writer.WriteString("method", request.Method.Key);
        writer.WriteNumber("fwd", message.Forwards);
        writer.WriteStartArray("chain");
        for (var link = message.Chain; link is not null; link = link.Parent)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(link.GrainId.ToString());
            writer.WriteStringValue(link.ActivationId);
            writer.WriteNumberValue(link.Turn);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("args");
        var types = request.Method.ParameterTypes;
        for (var i = 0; i < types.Count; i++)
        {
            JsonSerializer.Serialize(writer, request.GetArgument(i), types[i], options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }
}

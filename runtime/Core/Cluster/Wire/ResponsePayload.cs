using System.Buffers;
using System.Text.Json;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Cluster.Wire;

/// <summary>A call's outcome on the wire: <c>{"id","ok":result}</c> or <c>{"id","error":{...}}</c>.</summary>
internal sealed class ResponsePayload(long id, object? result, Type resultType, Exception? error, JsonSerializerOptions options) : IFramePayload
{
    public void Write(IBufferWriter<byte> buffer)
    {
        var writer = WireJson.Begin(buffer, WireKind.Response);
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        if (error is null)
        {
            writer.WritePropertyName("ok");
            JsonSerializer.Serialize(writer, result, resultType, options);
        }
        else
        {
            writer.WritePropertyName("error");
            RemoteExceptionCodec.Write(writer, error, options);
        }

        writer.WriteEndObject();
        writer.Flush();
    }
}

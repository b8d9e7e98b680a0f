using System.Buffers;
using System.Text.Json;
using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Messaging;

namespace OrderEngine.Runtime.Cluster.Wire;

/// <summary>Decodes frames written by <see cref="RequestPayload"/>, <see cref="ResponsePayload"/> and <see cref="PingPayload"/>.</summary>
internal static class WireReader
{
    public static InboundRequest ReadRequest(in ReadOnlySequence<byte> payload, GrainTypeManifest manifest, JsonSerializerOptions options)
    {
        var reader = WireJson.Reader(payload);
        Expect(ref reader, JsonTokenType.StartObject);
        long id = 0;
        var forwards = 0;
        GrainId target = default;
        GrainMethod? method = null;
        GrainRequest? request = null;
        CallChain? chain = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id":
                    id = reader.GetInt64();
                    break;
                case "target":
                    target = GrainId.Parse(reader.GetString()!);
                    break;
                case "method":
                    var key = reader.GetString()!;
                    if (!manifest.TryGetMethod(key, out method))
                    {
                        throw new InvalidOperationException($"This silo does not know the grain method {key}.");
                    }

                    break;
                case "fwd":
                    forwards = reader.GetInt32();
                    break;
                case "chain":
                    chain = ReadChain(ref reader);
                    break;
                case "args":
                    request = ReadArguments(ref reader, method ?? throw new InvalidOperationException("A request names its method before its arguments."), options);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new InboundRequest(id, target, request ?? method?.CreateRequest() ?? throw new InvalidOperationException("A request without a method."), chain, forwards);
    }

    /// <summary>Reads a response; <paramref name="resultTypeOf"/> gives the awaited result type for an id (null: nobody waits any more).</summary>
    public static (long Id, object? Result, Exception? Error, bool Awaited) ReadResponse(in ReadOnlySequence<byte> payload, Func<long, Type?> resultTypeOf, JsonSerializerOptions options)
    {
        var reader = WireJson.Reader(payload);
        Expect(ref reader, JsonTokenType.StartObject);
        long id = 0;
        Type? resultType = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id":
                    id = reader.GetInt64();
                    resultType = resultTypeOf(id);
                    if (resultType is null)
                    {
                        return (id, null, null, false);
                    }

                    break;
                case "ok":
                    return (id, JsonSerializer.Deserialize(ref reader, resultType!, options), null, true);
                case "error":
                    using (var error = JsonDocument.ParseValue(ref reader))
                    {
                        return (id, null, RemoteExceptionCodec.Read(error.RootElement, options), true);
                    }

                default:
                    reader.Skip();
                    break;
            }
        }

        throw new InvalidOperationException($"Response {id} carries neither a result nor an error.");
    }

    public static long ReadPingId(in ReadOnlySequence<byte> payload)
    {
        var reader = WireJson.Reader(payload);
        Expect(ref reader, JsonTokenType.StartObject);
        reader.Read();
        reader.Read();
        return reader.GetInt64();
    }

    private static CallChain? ReadChain(ref Utf8JsonReader reader)
    {
        var links = new List<(GrainId Grain, Guid Activation, long Turn)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var grain = GrainId.Parse(reader.GetString()!);
            reader.Read();
            var activation = reader.GetGuid();
            reader.Read();
            var turn = reader.GetInt64();
            reader.Read();
            links.Add((grain, activation, turn));
        }

        CallChain? chain = null;
        for (var i = links.Count - 1; i >= 0; i--)
        {
            chain = new CallChain(links[i].Grain, links[i].Activation, links[i].Turn, chain);
        }

        return chain;
    }

    private static GrainRequest ReadArguments(ref Utf8JsonReader reader, GrainMethod method, JsonSerializerOptions options)
    {
        var request = method.CreateRequest();
        var types = method.ParameterTypes;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (index >= types.Count)
            {
                throw new InvalidOperationException($"Too many arguments for {method}.");
            }

            request.SetArgument(index, JsonSerializer.Deserialize(ref reader, types[index], options));
            index++;
        }

        return request;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new InvalidOperationException($"Malformed frame: expected {token}.");
        }
    }
}

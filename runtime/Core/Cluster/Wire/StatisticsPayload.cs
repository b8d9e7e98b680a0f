using System.Buffers;
using System.Text.Json;
using OrderEngine.Runtime.Diagnostics;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Cluster.Wire;

/// <summary>A request for a silo's load figures (<c>{"id"}</c>) or the answer (<c>{"id","stats":{...}}</c>).</summary>
internal sealed class StatisticsPayload(long id, SiloStatistics? statistics, JsonSerializerOptions options) : IFramePayload
{
    public void Write(IBufferWriter<byte> buffer)
    {
        var writer = WireJson.Begin(buffer, statistics is null ? WireKind.StatisticsRequest : WireKind.StatisticsResponse);
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        if (statistics is not null)
        {
            writer.WritePropertyName("stats");
            JsonSerializer.Serialize(writer, statistics, options);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    public static (long Id, SiloStatistics? Statistics) Read(in ReadOnlySequence<byte> payload, JsonSerializerOptions options)
    {
        var reader = WireJson.Reader(payload);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var statistics = root.TryGetProperty("stats", out var stats) ? stats.Deserialize<SiloStatistics>(options) : null;
        return (root.GetProperty("id").GetInt64(), statistics);
    }
}

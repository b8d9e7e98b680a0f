using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderEngine.Runtime.Streams;

/// <summary>
/// Writes a <see cref="StreamEvent"/> with its payload's type name (full name and assembly, no version),
/// so a subscriber on another silo receives the payload as its own type, not as raw JSON.
/// </summary>
public sealed class StreamEventJsonConverter : JsonConverter<StreamEvent>
{
    public override StreamEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var streamId = new StreamId(root.GetProperty("namespace").GetString()!, root.GetProperty("key").GetString()!);
        var typeName = root.GetProperty("type").GetString()!;
        var type = Type.GetType(typeName, throwOnError: false) ?? throw new JsonException($"Stream event payload type {typeName} is not loaded here.");
        var payload = root.GetProperty("payload").Deserialize(type, options)!;
        return new StreamEvent(streamId, root.GetProperty("id").GetString()!, payload, root.GetProperty("timestamp").GetDateTimeOffset());
    }

    public override void Write(Utf8JsonWriter writer, StreamEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var type = value.Payload.GetType();
        writer.WriteStartObject();
        writer.WriteString("namespace", value.StreamId.Namespace);
        writer.WriteString("key", value.StreamId.Key);
        writer.WriteString("id", value.EventId);
        writer.WriteString("type", $"{type.FullName}, {type.Assembly.GetName().Name}");
        writer.WritePropertyName("payload");
        JsonSerializer.Serialize(writer, value.Payload, type, options);
        writer.WriteString("timestamp", value.Timestamp);
        writer.WriteEndObject();
    }
}

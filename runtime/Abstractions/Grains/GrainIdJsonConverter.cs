using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderEngine.Runtime;

/// <summary>Writes a <see cref="GrainId"/> as its "type/key" string (in state, events and on the silo-to-silo wire).</summary>
public sealed class GrainIdJsonConverter : JsonConverter<GrainId>
{
    public override GrainId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return string.IsNullOrEmpty(text) ? default : GrainId.Parse(text);
    }

    public override void Write(Utf8JsonWriter writer, GrainId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsDefault)
        {
            writer.WriteStringValue(string.Empty);
            return;
        }

        writer.WriteStringValue(value.ToString());
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace OrderEngine.Runtime.Persistence;

/// <summary>
/// JSON for grain state and outbox events. Applications put their source-generated
/// <c>JsonSerializerContext</c>s first in <see cref="GrainSerializationOptions.JsonOptions"/>'s
/// resolver chain; reflection is the fallback.
/// </summary>
internal sealed class GrainStateSerializer(IOptions<GrainSerializationOptions> options)
{
    private readonly JsonSerializerOptions _json = Freeze(options.Value.JsonOptions);

    /// <summary>The frozen options (also used on the silo-to-silo wire).</summary>
    public JsonSerializerOptions Options => _json;

    public string Serialize<T>(T value) => JsonSerializer.Serialize(value, _json);

    public T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, _json)!;

    public JsonElement ToElement(object value) => JsonSerializer.SerializeToElement(value, value.GetType(), _json);

    public object FromElement(JsonElement element, Type type) => element.Deserialize(type, _json)!;

    private static JsonSerializerOptions Freeze(JsonSerializerOptions json)
    {
        if (json.TypeInfoResolver is null)
        {
            json.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        }

        json.MakeReadOnly();
        return json;
    }
}

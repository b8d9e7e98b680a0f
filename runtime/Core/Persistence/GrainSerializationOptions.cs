using System.Text.Json;

namespace OrderEngine.Runtime.Persistence;

/// <summary>How grain state and outbox events become JSON.</summary>
public sealed class GrainSerializationOptions
{
    public JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);
}

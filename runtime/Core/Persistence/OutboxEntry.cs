using System.Text.Json;

namespace OrderEngine.Runtime.Persistence;

/// <summary>An event recorded with a state write, stored until it has been published.</summary>
internal sealed record OutboxEntry(string Id, string StreamNamespace, string StreamKey, string Type, JsonElement Payload, DateTimeOffset Timestamp);

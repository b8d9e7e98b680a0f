using System.Text.Json.Serialization;

namespace OrderEngine.Runtime.Streams;

/// <summary>An event as delivered to a subscriber. <see cref="EventId"/> is stable across redeliveries; use it to de-duplicate.</summary>
[JsonConverter(typeof(StreamEventJsonConverter))]
public sealed record StreamEvent(StreamId StreamId, string EventId, object Payload, DateTimeOffset Timestamp);

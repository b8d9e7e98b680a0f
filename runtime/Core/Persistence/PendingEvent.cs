namespace OrderEngine.Runtime.Persistence;

/// <summary>An outbox event held by an activation: its stored form, and the live object when this activation recorded it.</summary>
internal sealed class PendingEvent(OutboxEntry entry, object? payload)
{
    public OutboxEntry Entry { get; } = entry;

    public object? Payload { get; } = payload;

    /// <summary>Committed to storage: may be published.</summary>
    public bool Written { get; set; }
}

namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>
/// An order lifecycle event on <see cref="OrderStreams.Events"/> (stream key = the order's index shard).
/// Written with the order's state (outbox) and published after the write; <see cref="Sequence"/> grows by
/// one per history entry, so consumers drop duplicates and stale events by comparing it.
/// </summary>
public sealed record OrderEvent(
    string OrderId,
    long Sequence,
    OrderEventKind Kind,
    OrderStatus Status,
    string CustomerId,
    decimal Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusSince,
    DateTimeOffset At,
    string Reason);

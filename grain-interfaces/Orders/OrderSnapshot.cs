namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>An order as it is now, with its full history.</summary>
public sealed record OrderSnapshot(
    string OrderId,
    string CustomerId,
    OrderStatus Status,
    IReadOnlyList<OrderItem> Items,
    decimal Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset StatusSince,
    string? FailureReason,
    int PaymentAttempts,
    string? TransactionId,
    string? TrackingNumber,
    IReadOnlyList<OrderHistoryEntry> History);

using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>An order as the index knows it: status and since when, customer, total, and the sequence of the last event applied.</summary>
public sealed record OrderSummary(
    string OrderId,
    string CustomerId,
    OrderStatus Status,
    decimal Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusSince,
    DateTimeOffset UpdatedAt,
    long Sequence);

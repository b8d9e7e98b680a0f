namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>A move the order transition table does not allow (the API answers 409 Conflict).</summary>
public sealed class InvalidOrderTransitionException(string orderId, OrderStatus from, OrderStatus to, string? detail = null)
    : InvalidOperationException($"Order {orderId} cannot move from {from} to {to}{(detail is null ? "." : $": {detail}")}")
{
    public string OrderId { get; } = orderId;

    public OrderStatus From { get; } = from;

    public OrderStatus To { get; } = to;

    /// <summary>Why, beyond the table (kept as a property so the exception crosses silos intact).</summary>
    public string? Detail { get; } = detail;
}

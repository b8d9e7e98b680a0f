namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>A command whose content is invalid: no lines, a non-positive quantity, a repeated SKU, no customer.</summary>
public sealed class InvalidOrderException(string orderId, string reason)
    : ArgumentException($"Order {orderId}: {reason}")
{
    public string OrderId { get; } = orderId;

    public string Reason { get; } = reason;
}

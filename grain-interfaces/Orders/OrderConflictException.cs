namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>The order id was placed before with another customer or other lines (the API answers 409 Conflict).</summary>
public sealed class OrderConflictException(string orderId)
    : InvalidOperationException($"Order {orderId} was already placed with a different customer or different lines.")
{
    public string OrderId { get; } = orderId;
}

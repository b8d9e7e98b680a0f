namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>A command on an order id that was never placed (the API answers 404).</summary>
public sealed class OrderNotFoundException(string orderId)
    : InvalidOperationException($"Order {orderId} does not exist.")
{
    public string OrderId { get; } = orderId;
}

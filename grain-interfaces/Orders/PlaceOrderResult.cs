namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>The answer of <see cref="IOrderGrain.Place"/>: the order, and the rejection when a line was refused.</summary>
public sealed record PlaceOrderResult(OrderSnapshot Order, OrderRejection? Rejection)
{
    public bool Accepted => Rejection is null;
}

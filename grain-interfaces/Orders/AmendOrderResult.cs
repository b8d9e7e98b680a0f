namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>The answer of <see cref="IOrderGrain.Amend"/>: the order, and the rejection when the new lines were refused (the old ones stay).</summary>
public sealed record AmendOrderResult(OrderSnapshot Order, OrderRejection? Rejection)
{
    public bool Accepted => Rejection is null;
}

namespace OrderEngine.Grains.Payments;

/// <summary>A charge for one order. The order id is the idempotency key of every attempt.</summary>
public sealed record PaymentRequest(string OrderId, string CustomerId, decimal Amount, string Currency)
{
    public string IdempotencyKey => OrderId;
}

namespace OrderEngine.GrainInterfaces.Skus;

/// <summary>Commit, release or adjust of an order that holds no reservation on this SKU: an illegal call.</summary>
public sealed class ReservationNotFoundException(string sku, string orderId)
    : InvalidOperationException($"SKU {sku} holds no reservation for order {orderId}.")
{
    public string Sku { get; } = sku;

    public string OrderId { get; } = orderId;
}

namespace OrderEngine.GrainInterfaces.Skus;

/// <summary>A repeated reservation for an order that already holds a different quantity or belongs to another customer.</summary>
public sealed class ReservationConflictException(string sku, string orderId, int heldQuantity, int requestedQuantity)
    : InvalidOperationException($"SKU {sku} already holds {heldQuantity} unit(s) for order {orderId}; a reservation of {requestedQuantity} conflicts with it (use Adjust to change the quantity).")
{
    public string Sku { get; } = sku;

    public string OrderId { get; } = orderId;

    public int HeldQuantity { get; } = heldQuantity;

    public int RequestedQuantity { get; } = requestedQuantity;
}

namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>A reserved line with the unit price the SKU charged when it reserved it.</summary>
public sealed record OrderItem(string Sku, int Quantity, decimal UnitPrice)
{
    public decimal LineTotal => Quantity * UnitPrice;
}

namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>A requested line: how many units of which SKU.</summary>
public sealed record OrderLine(string Sku, int Quantity);

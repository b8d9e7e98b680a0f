namespace OrderEngine.GrainInterfaces.Skus;

/// <summary>The terms of a flash sale: total units offered, unit price, optional per-customer limit and optional window [start, end).</summary>
public sealed record SaleDefinition(
    int Stock,
    decimal Price,
    int? PerCustomerLimit = null,
    DateTimeOffset? SaleStart = null,
    DateTimeOffset? SaleEnd = null);

namespace OrderEngine.GrainInterfaces.Skus;

/// <summary>A sale definition or restock that breaks the SKU's rules (for example stock below the units reserved or sold).</summary>
public sealed class InvalidSaleDefinitionException(string sku, string reason)
    : InvalidOperationException($"SKU {sku}: {reason}")
{
    public string Sku { get; } = sku;

    public string Reason { get; } = reason;
}

namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>Replaces the lines of a Reserved order (distinct SKUs, positive quantities; a SKU left out is released).</summary>
public sealed record AmendOrder(IReadOnlyList<OrderLine> Lines, string? Reason);

namespace OrderEngine.Api.Orders;

/// <summary>One line of an order request. Nullable so that a missing field is reported, not defaulted.</summary>
public sealed record OrderLineRequest(string? Sku, long? Quantity);

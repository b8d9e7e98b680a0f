namespace OrderEngine.Api.Orders;

/// <summary><c>POST /orders/{id}/amend</c>: the new lines (replacing the old ones) and an optional reason.</summary>
public sealed record AmendOrderRequest(IReadOnlyList<OrderLineRequest?>? Items, string? Reason);

namespace OrderEngine.Api.Orders;

/// <summary><c>POST /orders</c>: <c>{"customerId":"c1","items":[{"sku":"101","quantity":1}]}</c>.</summary>
public sealed record PlaceOrderRequest(string? CustomerId, IReadOnlyList<OrderLineRequest?>? Items);

namespace OrderEngine.Api.Admin;

/// <summary><c>POST /admin/orders/process</c>: <c>{"orderId": "ORDER_ID", "force": true}</c> (seed 000).</summary>
public sealed record ProcessOrderRequest(string? OrderId, bool? Force);

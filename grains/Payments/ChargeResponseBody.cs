namespace OrderEngine.Grains.Payments;

/// <summary>The payment service's answer: <c>status</c> "approved" or "declined", a transaction id, a reason.</summary>
internal sealed record ChargeResponseBody(string? Status, string? TransactionId, string? Reason);

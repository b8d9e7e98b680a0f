namespace OrderEngine.Grains.Payments;

/// <summary>The JSON body the HTTP gateway posts to the payment service.</summary>
internal sealed record ChargeRequestBody(string OrderId, string CustomerId, decimal Amount, string Currency);

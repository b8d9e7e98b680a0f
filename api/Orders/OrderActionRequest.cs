namespace OrderEngine.Api.Orders;

/// <summary>Optional body of cancel, ship and complete: a reason, and for ship a tracking number.</summary>
public sealed record OrderActionRequest(string? Reason, string? TrackingNumber);

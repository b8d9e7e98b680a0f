namespace OrderEngine.Grains.Payments;

/// <summary>Whether the gateway answered its health check, and a detail for operators.</summary>
public sealed record GatewayHealth(bool Reachable, string Detail);

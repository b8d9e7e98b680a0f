namespace OrderEngine.GrainInterfaces.Payments;

/// <summary>The gateway's health: which gateway, whether it answered its health check, a detail, and the circuit breaker.</summary>
public sealed record PaymentHealth(string Gateway, bool Reachable, string Detail, PaymentCircuitStatus Circuit);

namespace OrderEngine.Grains.Payments;

/// <summary>Leave to make one call through the circuit breaker, stamped with the breaker's generation so a late result of an earlier state is ignored.</summary>
public readonly record struct CircuitPermit(long Generation);

namespace OrderEngine.GrainInterfaces.Payments;

/// <summary>The payment gateway as this silo sees it (a stateless worker, key 0, local to the caller's silo): for /health and metrics.</summary>
public interface IPaymentStatusGrain : IGrainWithIntegerKey
{
    /// <summary>The circuit breaker's state, without contacting the gateway.</summary>
    Task<PaymentCircuitStatus> GetCircuit();

    /// <summary>The circuit breaker's state and whether the gateway answers its health check.</summary>
    Task<PaymentHealth> CheckHealth();
}

namespace OrderEngine.Grains.Payments;

/// <summary>
/// Payments (configuration section "Payments"): the gateway, the currency charged, the per-attempt
/// timeout, bounded retries (exponential backoff from <see cref="RetryDelay"/>) and the circuit breaker.
/// </summary>
public sealed class PaymentsOptions
{
    public const string SectionName = "Payments";

    public PaymentGatewayKind Gateway { get; set; } = PaymentGatewayKind.Simulator;

    public string Currency { get; set; } = "USD";

    /// <summary>One gateway attempt gets this long (10 ms to 24 h).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, for transient failures only (0 = none).</summary>
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    public SimulatorOptions Simulator { get; set; } = new();

    public HttpGatewayOptions Http { get; set; } = new();
}

namespace OrderEngine.Grains.Payments;

/// <summary>
/// The consecutive-failure circuit breaker (seed 002 defaults): <see cref="FailureThreshold"/> failures in a
/// row open it; after the break it half-opens and <see cref="SuccessThreshold"/> successes close it; a
/// failure while half-open re-opens it with the break doubled, up to <see cref="MaxBreakDuration"/>.
/// </summary>
public sealed class CircuitBreakerOptions
{
    public int FailureThreshold { get; set; } = 5;

    public int SuccessThreshold { get; set; } = 2;

    public TimeSpan BaseBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBreakDuration { get; set; } = TimeSpan.FromSeconds(300);
}

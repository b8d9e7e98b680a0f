using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OrderEngine.Grains.Payments;

/// <summary>
/// Builds the resilience pipeline around every charge, outermost first: bounded retry of transient
/// failures (exponential backoff, no jitter; never a refused circuit), the consecutive-failure circuit
/// breaker, and a timeout per attempt. All delays run on the injected clock.
/// </summary>
public static class PaymentPipeline
{
    public static ResiliencePipeline Build(PaymentsOptions options, ConsecutiveFailureCircuitBreaker breaker, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder { Name = "payments", TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            });
        }

        builder.AddStrategy(_ => new ConsecutiveFailureCircuitBreakerStrategy(breaker, IsTransient));
        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    /// <summary>Failures that say the gateway is unwell: they are retried and counted by the breaker.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is TimeoutRejectedException or PaymentGatewayException { IsTransient: true };
}

using Microsoft.Extensions.Logging;
using OrderEngine.GrainInterfaces.Payments;

namespace OrderEngine.Grains.Payments;

/// <summary>Log events of payments (3000-3099).</summary>
internal static partial class PaymentLog
{
    [LoggerMessage(EventId = 3000, EventName = "PaymentCircuitChanged", Level = LogLevel.Warning,
        Message = "Payment circuit breaker {Previous} -> {Next} (break duration {BreakDuration})")]
    public static partial void CircuitChanged(ILogger logger, CircuitState previous, CircuitState next, TimeSpan breakDuration);

    [LoggerMessage(EventId = 3001, EventName = "PaymentDeferred", Level = LogLevel.Warning,
        Message = "Payment of order {OrderId} deferred by the circuit breaker after {Attempts} attempt(s); retry after {RetryAfter}")]
    public static partial void Deferred(ILogger logger, string orderId, int attempts, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 3002, EventName = "PaymentFailed", Level = LogLevel.Warning,
        Message = "Payment of order {OrderId} failed after {Attempts} attempt(s): {Reason}")]
    public static partial void Failed(ILogger logger, string orderId, int attempts, string reason);
}

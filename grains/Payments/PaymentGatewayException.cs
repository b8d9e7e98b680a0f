namespace OrderEngine.Grains.Payments;

/// <summary>
/// The gateway gave no usable answer. Transient failures (unreachable, 5xx, 408, 429) are retried and
/// counted by the circuit breaker; the others (a request the gateway refuses as malformed) are not.
/// </summary>
public sealed class PaymentGatewayException : Exception
{
    public PaymentGatewayException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}

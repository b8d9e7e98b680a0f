namespace OrderEngine.Grains.Payments;

/// <summary>How a payment run ended.</summary>
public enum PaymentOutcomeKind
{
    /// <summary>Charged: the order is paid.</summary>
    Approved,

    /// <summary>The gateway answered no: final.</summary>
    Declined,

    /// <summary>No answer after every bounded retry (or a non-transient error): final.</summary>
    Failed,

    /// <summary>The circuit breaker refused the call: try again later, the order keeps its stock.</summary>
    Deferred,
}

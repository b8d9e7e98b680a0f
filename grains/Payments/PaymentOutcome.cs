namespace OrderEngine.Grains.Payments;

/// <summary>
/// The end of one payment run: how it ended, how many gateway attempts it made, the transaction id when
/// approved, a reason for people, and for a deferral how long until the breaker lets calls through
/// (null when isolated).
/// </summary>
public sealed record PaymentOutcome(PaymentOutcomeKind Kind, int Attempts, string? TransactionId, string Reason, TimeSpan? RetryAfter);

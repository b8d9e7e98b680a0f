namespace OrderEngine.GrainInterfaces.Payments;

/// <summary>
/// The circuit breaker now: its state, consecutive failures counted while closed, the current break
/// duration (doubles on every re-open, up to the maximum), until when it stays open, how often it opened,
/// and how many calls it refused since the silo started.
/// </summary>
public sealed record PaymentCircuitStatus(CircuitState State, int ConsecutiveFailures, TimeSpan BreakDuration, DateTimeOffset? OpenUntil, int TimesOpened, long RejectedCalls);

using Polly;
using Polly.CircuitBreaker;

namespace OrderEngine.Grains.Payments;

/// <summary>
/// Puts a <see cref="ConsecutiveFailureCircuitBreaker"/> into a Polly pipeline. Refused calls end with
/// Polly's <see cref="BrokenCircuitException"/> (with the time left in the break) or
/// <see cref="IsolatedCircuitException"/>, so callers handle them as they would Polly's own breaker.
/// </summary>
internal sealed class ConsecutiveFailureCircuitBreakerStrategy(ConsecutiveFailureCircuitBreaker breaker, Func<Exception, bool> isFailure) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        if (!breaker.TryAcquire(out var permit, out var retryAfter))
        {
            return Outcome.FromException<TResult>(retryAfter is { } after
                ? new BrokenCircuitException($"The payment circuit is {breaker.State}; retry after {after}.", after)
                : new IsolatedCircuitException("The payment circuit is isolated by an operator."));
        }

        Outcome<TResult> outcome;
        try
        {
            outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception exception)
        {
            outcome = Outcome.FromException<TResult>(exception);
        }

        switch (outcome.Exception)
        {
            case null:
                breaker.OnSuccess(permit);
                break;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                breaker.OnAbandoned(permit);
                break;
            case { } exception when isFailure(exception):
                breaker.OnFailure(permit);
                break;
            default:
                // An answer that says nothing about the gateway's health (a malformed request): not a failure.
                breaker.OnSuccess(permit);
                break;
        }

        return outcome;
    }
}

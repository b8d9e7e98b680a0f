using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OrderEngine.Grains.Payments;

/// <summary>
/// Runs a charge through the payment pipeline and turns every ending into a <see cref="PaymentOutcome"/>
/// (never an exception for a gateway problem). One per silo; thread-safe.
/// </summary>
public sealed class PaymentProcessor
{
    private readonly IPaymentGateway _gateway;
    private readonly ResiliencePipeline _pipeline;
    private readonly PaymentsOptions _options;
    private readonly ILogger<PaymentProcessor> _logger;

    public PaymentProcessor(
        IPaymentGateway gateway,
        ConsecutiveFailureCircuitBreaker breaker,
        IOptions<PaymentsOptions> options,
        TimeProvider timeProvider,
        ILogger<PaymentProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = gateway;
        _options = options.Value;
        _logger = logger;
        _pipeline = PaymentPipeline.Build(_options, breaker, timeProvider);
    }

    public string Currency => _options.Currency;

    public async Task<PaymentOutcome> PayAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new Run(_gateway, request);
        try
        {
            var result = await _pipeline.ExecuteAsync(static (run, token) => run.AttemptAsync(token), run, cancellationToken);
            return result.Approved
                ? new PaymentOutcome(PaymentOutcomeKind.Approved, run.Attempts, result.TransactionId, "payment approved", null)
                : new PaymentOutcome(PaymentOutcomeKind.Declined, run.Attempts, null, $"payment declined: {result.DeclineReason}", null);
        }
        catch (BrokenCircuitException exception)
        {
            var retryAfter = exception is IsolatedCircuitException ? (TimeSpan?)null : exception.RetryAfter ?? TimeSpan.Zero;
            PaymentLog.Deferred(_logger, request.OrderId, run.Attempts, retryAfter);
            return new PaymentOutcome(PaymentOutcomeKind.Deferred, run.Attempts, null, $"payment deferred: {exception.Message}", retryAfter);
        }
        catch (TimeoutRejectedException)
        {
            PaymentLog.Failed(_logger, request.OrderId, run.Attempts, "timeout");
            return new PaymentOutcome(PaymentOutcomeKind.Failed, run.Attempts, null, $"payment timeout: no answer within {_options.Timeout} after {run.Attempts} attempt(s)", null);
        }
        catch (PaymentGatewayException exception)
        {
            PaymentLog.Failed(_logger, request.OrderId, run.Attempts, exception.Message);
            return new PaymentOutcome(PaymentOutcomeKind.Failed, run.Attempts, null, $"payment failed after {run.Attempts} attempt(s): {exception.Message}", null);
        }
    }

    /// <summary>One payment run: counts the gateway attempts the pipeline makes.</summary>
    private sealed class Run(IPaymentGateway gateway, PaymentRequest request)
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public ValueTask<PaymentResult> AttemptAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return new ValueTask<PaymentResult>(gateway.ChargeAsync(request, cancellationToken));
        }
    }
}

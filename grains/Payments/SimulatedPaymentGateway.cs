using Microsoft.Extensions.Options;

namespace OrderEngine.Grains.Payments;

/// <summary>
/// The default gateway: answers after <see cref="SimulatorOptions.Latency"/> (on the injected clock) with
/// an outcome drawn from the configured rates. Thread-safe; with a seed the outcomes are reproducible.
/// Approvals carry a transaction id derived from the idempotency key, so a retried charge of one order
/// answers the same id, as an idempotent gateway would.
/// </summary>
public sealed class SimulatedPaymentGateway : IPaymentGateway
{
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly Random _random;

    public SimulatedPaymentGateway(IOptions<PaymentsOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Simulator;
        _timeProvider = timeProvider;
#pragma warning disable CA5394 // Simulated outcomes, not security: a seeded generator is the point.
        _random = _options.Seed is { } seed ? new Random(seed) : new Random();
#pragma warning restore CA5394
    }

    public string Name => "simulator";

    public async Task<PaymentResult> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var roll = NextRoll();
        if (_options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_options.Latency, _timeProvider, cancellationToken);
        }

        if (roll < _options.TimeoutRate)
        {
            // A gateway that never answers: only the caller's timeout ends the wait.
            await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, cancellationToken);
        }

        roll -= _options.TimeoutRate;
        if (roll < _options.FailureRate)
        {
            throw new PaymentGatewayException($"Simulated gateway error charging order {request.OrderId}.", isTransient: true);
        }

        roll -= _options.FailureRate;
        return roll < _options.DeclineRate
            ? PaymentResult.Decline("card declined (simulated)")
            : PaymentResult.Approve($"sim-{request.IdempotencyKey}");
    }

    public Task<GatewayHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayHealth(true, "simulated gateway"));

    private double NextRoll()
    {
        lock (_lock)
        {
#pragma warning disable CA5394
            return _random.NextDouble();
#pragma warning restore CA5394
        }
    }
}

using OrderEngine.GrainInterfaces.Payments;

namespace OrderEngine.Grains.Payments;

/// <summary>The local silo's payment gateway and circuit breaker, for /health and metrics.</summary>
[StatelessWorker]
[GrainType("paymentstatus")]
public sealed class PaymentStatusGrain(ConsecutiveFailureCircuitBreaker breaker, IPaymentGateway gateway) : Grain, IPaymentStatusGrain
{
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    public Task<PaymentCircuitStatus> GetCircuit() => Task.FromResult(breaker.Status);

    public async Task<PaymentHealth> CheckHealth()
    {
        using var timeout = new CancellationTokenSource(HealthCheckTimeout, TimeProvider);
        GatewayHealth health;
        try
        {
            health = await gateway.CheckHealthAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            health = new GatewayHealth(false, $"no answer within {HealthCheckTimeout}");
        }

        return new PaymentHealth(gateway.Name, health.Reachable, health.Detail, breaker.Status);
    }
}

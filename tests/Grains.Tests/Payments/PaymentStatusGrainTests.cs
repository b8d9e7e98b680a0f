using OrderEngine.GrainInterfaces.Payments;
using OrderEngine.Grains.Tests.Support;

namespace OrderEngine.Grains.Tests.Payments;

public sealed class PaymentStatusGrainTests
{
    [Fact]
    public async Task The_status_grain_reports_this_silos_breaker_and_gateway_health()
    {
        await using var silo = await OrderSilo.StartAsync();
        var status = silo.Grains.GetGrain<IPaymentStatusGrain>(0);

        var closed = await status.GetCircuit();
        silo.Breaker.Isolate();
        var health = await status.CheckHealth();

        Assert.Equal(new PaymentCircuitStatus(CircuitState.Closed, 0, TimeSpan.FromSeconds(30), null, 0, 0), closed);
        Assert.Equal(new PaymentHealth("scripted", true, "scripted", new PaymentCircuitStatus(CircuitState.Isolated, 0, TimeSpan.FromSeconds(30), null, 0, 0)), health);
    }

    [Fact]
    public async Task The_simulator_is_the_default_gateway()
    {
        await using var silo = await OrderSilo.StartAsync(simulatedGateway: true);

        var health = await silo.Grains.GetGrain<IPaymentStatusGrain>(0).CheckHealth();

        Assert.Equal(("simulator", true), (health.Gateway, health.Reachable));
    }
}

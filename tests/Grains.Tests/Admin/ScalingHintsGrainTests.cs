using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.Grains.Tests.Support;
using OrderEngine.Runtime.Diagnostics;

namespace OrderEngine.Grains.Tests.Admin;

public sealed class ScalingHintsGrainTests
{
    [Fact]
    public async Task Rates_cover_the_interval_since_the_previous_reading_and_drive_the_recommendation()
    {
        var start = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        var statistics = new ScriptedStatistics(
            new SiloStatistics("silo-a", start, start.AddSeconds(10), 1200, 5_000, TimeSpan.FromSeconds(8), 2, 300_000_000),
            new SiloStatistics("silo-a", start, start.AddSeconds(20), 1500, 65_000, TimeSpan.FromSeconds(26), 2, 310_000_000));
        await using var silo = await OrderSilo.StartAsync(more: services => services.Replace(ServiceDescriptor.Singleton<ISiloStatistics>(statistics)));
        var hints = silo.Grains.GetGrain<IScalingHintsGrain>(0);

        var first = await hints.GetHint(2);
        var second = await hints.GetHint(2);

        Assert.Equal(new ScalingHint("silo-a", start.AddSeconds(10), TimeSpan.FromSeconds(10), 1200, 500, 40, 300_000_000, 2, 2, ScalingAction.Hold, "CPU 40% is within the target 70%: keep 2 silos."), first);
        Assert.Equal(new ScalingHint("silo-a", start.AddSeconds(20), TimeSpan.FromSeconds(10), 1500, 6000, 90, 310_000_000, 2, 3, ScalingAction.ScaleOutNow, "CPU 90% is above the critical 85%: scale out now to 3 silos (target 70%)."), second);
    }

    private sealed class ScriptedStatistics(params SiloStatistics[] readings) : ISiloStatistics
    {
        private int _next;

        public SiloStatistics Read() => readings[Math.Min(_next++, readings.Length - 1)];
    }
}

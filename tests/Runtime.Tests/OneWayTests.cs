using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class OneWayTests
{
    [Fact]
    public async Task A_one_way_call_completes_for_the_caller_at_once_and_the_grain_runs_it_later()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<INotifyGrain>(key);
        var gate = Guid.NewGuid().ToString();

        var call = grain.Notify(gate);

        Assert.True(call.IsCompletedSuccessfully, "the caller does not wait for a one-way call");
        Assert.Equal(0, probe.Count($"notified:{key}"));
        probe.Open(gate);
        await Eventually.WaitAsync(() => probe.Count($"notified:{key}") == 1, "the grain ran the call");
        Assert.Equal(1, await grain.Notified());
    }

    [Fact]
    public async Task A_failing_one_way_call_does_not_reach_the_caller_and_the_grain_keeps_serving()
    {
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe());
        var grain = silo.GrainFactory.GetGrain<INotifyGrain>(Guid.NewGuid().ToString());

        await grain.Explode("nobody is listening");

        Assert.Equal(0, await grain.Notified());
    }
}

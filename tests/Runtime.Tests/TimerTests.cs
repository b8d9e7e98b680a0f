using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task Timer_ticks_go_through_the_mailbox_and_never_overlap_a_request()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        await using var silo = await RuntimeSilo.StartAsync(probe, clock, options => options.CallTimeout = Timeout.InfiniteTimeSpan);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        var open = grain.HoldOpen("g-" + key);
        await Eventually.WaitAsync(() => probe.Count($"holding:g-{key}") == 1, "the request is open");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, probe.Count($"tick:{key}"));

        probe.Open("g-" + key);
        await open;
        await Eventually.WaitAsync(() => probe.Count($"tick:{key}") == 1, "the held-back tick ran after the request");
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitAsync(() => probe.Count($"tick:{key}") == 2, "the next tick ran");

        Assert.Equal(0, await grain.Overlaps());
        Assert.Equal(2, await grain.Ticks());
    }

    [Fact]
    public async Task A_disposed_timer_stops_ticking()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        await using var silo = await RuntimeSilo.StartAsync(probe, clock);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitAsync(() => probe.Count($"tick:{key}") == 1, "one tick");

        await grain.StopTimer();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await grain.Ticks());
    }
}

using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class ReentrancyTests
{
    [Fact]
    public async Task Reentrant_requests_interleave_at_awaits_and_never_run_in_parallel()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IReentrantGateGrain>(Guid.NewGuid().ToString());

        // Hold stays open until Release runs: only possible if Release interleaves with it.
        var holds = Enumerable.Range(0, 20).Select(i => grain.Hold($"g{i}")).ToArray();
        await Eventually.WaitAsync(() => probe.Count("holding:") == 20, "all holds are waiting");
        var releases = Enumerable.Range(0, 20).Select(i => Task.Run(() => grain.Release($"g{i}"))).ToArray();
        await Task.WhenAll(releases);
        var peaks = await Task.WhenAll(holds);

        Assert.Equal(20, peaks.Max());
        Assert.Equal(1, await grain.MaxParallelSegments());
    }

    [Fact]
    public async Task AlwaysInterleave_method_runs_while_a_non_reentrant_grain_waits()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IPlainGateGrain>(Guid.NewGuid().ToString());

        var hold = grain.Hold("gate");
        await Eventually.WaitAsync(() => probe.Count("holding:gate") == 1, "the hold is waiting");
        await grain.ReleaseInterleaved("gate");

        Assert.Equal(1, await hold);
        Assert.Equal(1, await grain.MaxParallelSegments());
    }

    [Fact]
    public async Task A_non_reentrant_grain_queues_a_normal_request_behind_the_running_one()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var grain = silo.GrainFactory.GetGrain<IPlainGateGrain>(Guid.NewGuid().ToString());

        var hold = grain.Hold("gate");
        await Eventually.WaitAsync(() => probe.Count("holding:gate") == 1, "the hold is waiting");
        var queued = grain.MaxParallelSegments();
        Assert.False(queued.IsCompleted);
        await grain.ReleaseInterleaved("gate");

        await queued;
        Assert.True(hold.IsCompletedSuccessfully, "the queued request ran only after the running one finished");
    }
}

using System.Diagnostics;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class DeadlockTests
{
    [Fact]
    public async Task A_to_B_to_A_between_non_reentrant_grains_fails_at_once_naming_the_cycle()
    {
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe());
        var a = "a-" + Guid.NewGuid().ToString("N")[..8];
        var b = "b-" + Guid.NewGuid().ToString("N")[..8];
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => silo.GrainFactory.GetGrain<ICycleGrain>(a).CallThrough([b, a]));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Equal([$"cycle/{a}", $"cycle/{b}", $"cycle/{a}"], error.Cycle.Select(g => g.ToString()));
        Assert.Contains($"cycle/{a} -> cycle/{b} -> cycle/{a}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_longer_cycle_is_detected_too()
    {
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe());
        var keys = Enumerable.Range(0, 4).Select(i => $"k{i}-{Guid.NewGuid():N}").ToArray();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => silo.GrainFactory.GetGrain<ICycleGrain>(keys[0]).CallThrough([keys[1], keys[2], keys[3], keys[1]]));

        Assert.Equal(new[] { keys[1], keys[2], keys[3], keys[1] }.Select(k => $"cycle/{k}"), error.Cycle.Select(g => g.ToString()));
    }

    [Fact]
    public async Task A_reentrant_call_chain_back_into_its_origin_succeeds()
    {
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe());
        var a = "a-" + Guid.NewGuid().ToString("N")[..8];
        var b = "b-" + Guid.NewGuid().ToString("N")[..8];

        var answer = await silo.GrainFactory.GetGrain<IReentrantCycleGrain>(a).CallThrough([b, a, b, a]);

        Assert.Equal($"{a}>{b}>{a}>{b}>{a}", answer);
    }

    [Fact]
    public async Task A_chain_that_does_not_return_to_a_busy_grain_is_no_deadlock()
    {
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe());
        var keys = Enumerable.Range(0, 5).Select(i => $"n{i}-{Guid.NewGuid():N}").ToArray();

        var answer = await silo.GrainFactory.GetGrain<ICycleGrain>(keys[0]).CallThrough(keys[1..]);

        Assert.Equal(string.Join(">", keys), answer);
    }
}

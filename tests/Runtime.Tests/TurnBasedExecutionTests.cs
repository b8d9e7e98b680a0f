using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class TurnBasedExecutionTests
{
    [Fact]
    public async Task Ten_thousand_concurrent_calls_into_one_non_reentrant_grain_never_overlap()
    {
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe());
        var grain = silo.GrainFactory.GetGrain<ITurnGrain>(Guid.NewGuid().ToString());

        var calls = Enumerable.Range(0, 10_000).Select(_ => Task.Run(grain.Work)).ToArray();
        await Task.WhenAll(calls);

        Assert.Equal(1, await grain.MaxConcurrentEntries());
        Assert.Equal(10_000, await grain.Completed());
    }
}

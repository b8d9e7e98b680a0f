using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task A_thousand_concurrent_updates_cost_two_writes_and_each_is_durable_when_its_call_returns()
    {
        var storage = new GatedGrainStorage();
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe(), storage: storage);
        var key = Guid.NewGuid().ToString();
        var stateKey = new GrainStateKey("counter", new GrainId("counter", key));
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);

        var firstWrite = storage.HoldNextWrite();
        var first = CheckDurableOnReturn(grain.Increment());
        await firstWrite.Reached;
        var rest = Enumerable.Range(0, 999).Select(_ => CheckDurableOnReturn(grain.Increment())).ToArray();
        await Eventually.WaitAsync(async () => await grain.Get() == 1000, "all updates are in memory, waiting for the next write");
        firstWrite.Release();

        var values = await Task.WhenAll(rest.Prepend(first));

        Assert.Equal(Enumerable.Range(1, 1000), values.Order());
        Assert.Equal(2, storage.Writes);
        Assert.Contains("\"value\":1000", storage.Peek(stateKey)!.Record.Payload, StringComparison.Ordinal);

        async Task<int> CheckDurableOnReturn(Task<int> call)
        {
            var value = await call;
            var stored = storage.Peek(stateKey)!.Record.Payload;
            var storedValue = int.Parse(stored.Split("\"value\":")[1].Split(',', '}')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(storedValue >= value, $"call returned {value} while storage held {storedValue}");
            return value;
        }
    }

    [Fact]
    public async Task A_failed_write_fails_the_callers_it_carried_and_those_behind_it_and_the_activation_reloads()
    {
        var storage = new GatedGrainStorage();
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe(), storage: storage);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        var activation = await grain.ActivationId();

        var firstWrite = storage.HoldNextWrite();
        var first = grain.Increment();
        await firstWrite.Reached;
        var carried = Enumerable.Range(0, 499).Select(_ => grain.Increment()).ToArray();
        await Eventually.WaitAsync(async () => await grain.Get() == 500, "the second write's updates are in memory");
        var failingWrite = storage.HoldNextWrite();
        firstWrite.Release();
        Assert.Equal(1, await first);
        await failingWrite.Reached;
        var behind = Enumerable.Range(0, 100).Select(_ => grain.Increment()).ToArray();
        await Eventually.WaitAsync(async () => await grain.Get() == 600, "updates behind the failing write are in memory");
        var deactivated = silo.DeactivatedAsync(new GrainId("counter", key));

        failingWrite.Fail(new IOException("disk full"));

        foreach (var call in carried)
        {
            Assert.Equal("disk full", (await Assert.ThrowsAsync<IOException>(() => call)).Message);
        }

        foreach (var call in behind)
        {
            await Assert.ThrowsAsync<InconsistentStateException>(() => call);
        }

        await deactivated;
        Assert.Equal(1, await grain.Get());
        Assert.NotEqual(activation, await grain.ActivationId());
        Assert.Equal((1, 1), (storage.Writes, storage.FailedWrites));
        Assert.Equal(2, await grain.Increment());
    }
}

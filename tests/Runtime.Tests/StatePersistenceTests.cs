using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using Xunit;

namespace OrderEngine.Runtime.Tests;

/// <summary>Grain-level persistence behaviour, once per storage provider (see the derived classes).</summary>
public abstract class StatePersistenceTests
{
    protected abstract Task<IGrainStorage> CreateStorageAsync();

    [Fact]
    public async Task Missing_state_reads_as_default_and_a_write_round_trips_through_a_new_activation()
    {
        var storage = await CreateStorageAsync();
        var key = Guid.NewGuid().ToString();
        await using (var silo = await RuntimeSilo.StartAsync(new GrainProbe(), storage: storage))
        {
            var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
            Assert.Equal((0, false), (await grain.Get(), await grain.RecordExists()));
            await grain.Increment();
            await grain.SetNote("flash sale ✓");
        }

        await using (var silo = await RuntimeSilo.StartAsync(new GrainProbe(), storage: storage))
        {
            var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
            Assert.Equal((1, "flash sale ✓", true), (await grain.Get(), await grain.GetNote(), await grain.RecordExists()));
        }
    }

    [Fact]
    public async Task A_write_over_newer_state_throws_InconsistentStateException_and_the_activation_reloads()
    {
        var storage = await CreateStorageAsync();
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe(), storage: storage);
        var key = Guid.NewGuid().ToString();
        var stateKey = new GrainStateKey("counter", new GrainId("counter", key));
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.Increment();
        var activation = await grain.ActivationId();

        // Someone else (a stale duplicate, an operator) writes behind the activation's back.
        var stored = await storage.ReadAsync(stateKey, CancellationToken.None);
        await storage.WriteAsync(stateKey, new GrainStateRecord("{\"value\":41}", null), stored!.ETag, CancellationToken.None);
        var deactivated = silo.DeactivatedAsync(stateKey.GrainId);

        await Assert.ThrowsAsync<InconsistentStateException>(grain.Increment);
        await deactivated;

        Assert.NotEqual(activation, await grain.ActivationId());
        Assert.Equal(41, await grain.Get());
        Assert.Equal(42, await grain.Increment());
    }

    [Fact]
    public async Task Clear_removes_the_record()
    {
        var storage = await CreateStorageAsync();
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe(), storage: storage);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await grain.Increment();

        await grain.Clear();

        Assert.Equal((0, false), (await grain.Get(), await grain.RecordExists()));
        Assert.Null(await storage.ReadAsync(new GrainStateKey("counter", new GrainId("counter", key)), CancellationToken.None));
        Assert.Equal(1, await grain.Increment());
    }

    [Fact]
    public async Task A_large_state_round_trips()
    {
        var storage = await CreateStorageAsync();
        var key = Guid.NewGuid().ToString();
        var note = string.Concat(Enumerable.Range(0, 200_000).Select(i => (char)('a' + (i % 26))));
        await using (var silo = await RuntimeSilo.StartAsync(new GrainProbe(), storage: storage))
        {
            await silo.GrainFactory.GetGrain<ICounterGrain>(key).SetNote(note);
        }

        await using (var silo = await RuntimeSilo.StartAsync(new GrainProbe(), storage: storage))
        {
            Assert.Equal(note, await silo.GrainFactory.GetGrain<ICounterGrain>(key).GetNote());
        }
    }

    [Fact]
    public async Task Concurrent_writers_on_one_reentrant_activation_all_land()
    {
        var storage = await CreateStorageAsync();
        var key = Guid.NewGuid().ToString();
        await using (var silo = await RuntimeSilo.StartAsync(new GrainProbe(), storage: storage))
        {
            var grain = silo.GrainFactory.GetGrain<ICounterGrain>(key);
            var values = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(grain.Increment)));
            Assert.Equal(Enumerable.Range(1, 500), values.Order());
        }

        await using (var silo = await RuntimeSilo.StartAsync(new GrainProbe(), storage: storage))
        {
            Assert.Equal(500, await silo.GrainFactory.GetGrain<ICounterGrain>(key).Get());
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Streams;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class OutboxTests
{
    [Fact]
    public async Task An_event_is_published_only_after_its_write_committed()
    {
        var probe = new GrainProbe();
        var storage = new GatedGrainStorage();
        await using var silo = await RuntimeSilo.StartAsync(probe, storage: storage);
        var key = Guid.NewGuid().ToString();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(key);

        var gate = storage.HoldNextWrite();
        var call = counter.IncrementAndPublish();
        await gate.Reached;
        Assert.Equal(0, probe.Count($"event:{key}:"));
        gate.Release();

        Assert.Equal(1, await call);
        await Eventually.WaitAsync(() => probe.Count($"event:{key}:1:") == 1, "the committed event was published");
    }

    [Fact]
    public async Task A_failed_write_publishes_nothing()
    {
        var probe = new GrainProbe();
        var storage = new GatedGrainStorage();
        await using var silo = await RuntimeSilo.StartAsync(probe, storage: storage);
        var key = Guid.NewGuid().ToString();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        var deactivated = Task.CompletedTask;

        var gate = storage.HoldNextWrite();
        var failing = counter.IncrementAndPublish();
        await gate.Reached;
        deactivated = silo.DeactivatedAsync(new GrainId("counter", key));
        gate.Fail(new IOException("disk full"));
        await Assert.ThrowsAsync<IOException>(() => failing);
        await deactivated;

        // The stream is ordered: once the later event is delivered, an earlier one would have been too.
        Assert.Equal(1, await counter.IncrementAndPublish());
        await Eventually.WaitAsync(() => probe.Count($"event:{key}:") == 1, "the successful event arrived");
        Assert.Single(probe.Events, e => e.StartsWith($"event:{key}:1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_committed_before_a_crash_are_published_when_the_next_silo_starts()
    {
        var probe = new GrainProbe();
        var storage = new MemoryGrainStorage();
        var key = Guid.NewGuid().ToString();
        var stateKey = new GrainStateKey("counter", new GrainId("counter", key));
        var broker = new BrokenStreamProvider("default");
        var crashed = await RuntimeSilo.StartAsync(probe, new ManualTimeProvider(), storage: storage, more: services =>
        {
            services.AddKeyedSingleton<IStreamProvider>("default", broker);
        });
        Assert.Equal(1, await crashed.GrainFactory.GetGrain<ICounterGrain>(key).IncrementAndPublish());
        await Eventually.WaitAsync(() => broker.Attempts >= 1, "the publish was attempted");
        await crashed.KillAsync();
        var stored = await storage.ReadAsync(stateKey, CancellationToken.None);
        Assert.NotNull(stored!.Record.Outbox);

        await using (var recovered = await RuntimeSilo.StartAsync(probe, storage: storage))
        {
            await Eventually.WaitAsync(() => probe.Count($"event:{key}:1:") == 1, "the recovered event was published");
        }

        var eventId = probe.Events.Single(e => e.StartsWith($"event:{key}:1:", StringComparison.Ordinal)).Split(':')[3];
        Assert.Contains(eventId, stored.Record.Outbox, StringComparison.Ordinal);
        Assert.Null((await storage.ReadAsync(stateKey, CancellationToken.None))!.Record.Outbox);
    }
}

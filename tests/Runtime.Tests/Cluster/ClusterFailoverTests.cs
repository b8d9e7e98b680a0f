using System.Diagnostics;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Cluster;
using OrderEngine.Testing.Silo;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests.Cluster;

/// <summary>Silos crash, join, leave and get cut off; grains keep one owner and storage keeps every acknowledged write.</summary>
public sealed class ClusterFailoverTests
{
    [Fact]
    public async Task A_killed_silos_grains_serve_again_elsewhere_with_their_state_within_ten_seconds()
    {
        await using var cluster = await ClusterSilos.StartAsync(3);
        var victim = cluster.Silos[2];
        var keys = KeysOwnedBy(cluster, victim, "counter", 20);
        var client = cluster.Silos[0].GrainFactory;
        await Task.WhenAll(keys.Select(key => client.GetGrain<ICounterGrain>(key).Increment()));

        var victimAddress = victim.Address!;
        var clock = Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);
        using var deadline = new CancellationTokenSource(ClusterSilos.Deadline);
        await cluster.WaitForStableViewAsync(deadline.Token);
        var counts = await Task.WhenAll(keys.Select(key => client.GetGrain<ICounterGrain>(key).Increment()));
        var recovery = clock.Elapsed;

        Assert.All(counts, count => Assert.Equal(2, count));
        Assert.InRange(recovery, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(OrderEngine.Runtime.Membership.SiloStatus.Dead, cluster.Silos[0].View!.StatusOf(victimAddress));
    }

    [Fact]
    public async Task A_silo_that_joins_takes_about_a_third_of_the_grains_and_calls_keep_succeeding()
    {
        await using var cluster = await ClusterSilos.StartAsync(2);
        var keys = Enumerable.Range(0, 300).Select(i => $"join-{i}-{Guid.NewGuid():N}").ToArray();
        var client = cluster.Silos[0].GrainFactory;
        await Task.WhenAll(keys.Select(key => client.GetGrain<ICounterGrain>(key).Increment()));
        var before = keys.ToDictionary(key => key, key => cluster.OwnerOf(new GrainId("counter", key)).Address);

        // Reads keep running while the silo joins and grains move; a call caught by the move is retried (bounded).
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var retries = 0;
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i += 4)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        Assert.Equal(1, await client.GetGrain<ICounterGrain>(keys[i % keys.Length]).Get());
                        break;
                    }
                    catch (SiloUnavailableException) when (attempt < 3)
                    {
                        Interlocked.Increment(ref retries);
                    }
                }

                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        var joined = await cluster.AddSiloAsync();
        using var deadline = new CancellationTokenSource(ClusterSilos.Deadline);
        await cluster.WaitForStableViewAsync(deadline.Token);
        var atStable = Volatile.Read(ref reads);
        await Eventually.WaitAsync(() => Volatile.Read(ref reads) > atStable + 300 || load.Any(t => t.IsFaulted), "reads go on after the join");
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var counts = await Task.WhenAll(keys.Select(key => client.GetGrain<ICounterGrain>(key).Increment()));
        Assert.InRange(retries, 0, Volatile.Read(ref reads) / 100);

        var moved = keys.Count(key => cluster.OwnerOf(new GrainId("counter", key)).Address != before[key]);
        Assert.All(counts, count => Assert.Equal(2, count));
        Assert.InRange(moved, 50, 160); // 1/3 of 300 is 100; the ring with 64 points per silo spreads within that.
        Assert.All(keys.Where(key => cluster.OwnerOf(new GrainId("counter", key)) != joined), key => Assert.Null(joined.ActivationIdOf(new GrainId("counter", key))));
        foreach (var key in keys)
        {
            var hosts = cluster.Silos.Count(silo => silo.ActivationIdOf(new GrainId("counter", key)) is not null);
            Assert.Equal(1, hosts);
        }
    }

    [Fact]
    public async Task A_graceful_stop_under_load_fails_no_call()
    {
        await using var cluster = await ClusterSilos.StartAsync(3);
        var leaving = cluster.Silos[1];
        var keys = Enumerable.Range(0, 100).Select(i => $"leave-{i}-{Guid.NewGuid():N}").ToArray();
        var clients = new[] { cluster.Silos[0].GrainFactory, cluster.Silos[2].GrainFactory };
        using var stop = new CancellationTokenSource();
        var calls = 0;
        var load = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var i = worker;
            while (!stop.IsCancellationRequested)
            {
                await clients[i % 2].GetGrain<ICounterGrain>(keys[i % keys.Length]).Increment();
                Interlocked.Increment(ref calls);
                i += 8;
            }
        })).ToArray();

        await Eventually.WaitAsync(() => Volatile.Read(ref calls) > 500, "the load runs");
        await cluster.StopSiloAsync(leaving);
        var atStop = Volatile.Read(ref calls);
        await Eventually.WaitAsync(() => Volatile.Read(ref calls) > atStop + 500 || load.Any(t => t.IsFaulted), "the load goes on after the stop");
        await stop.CancelAsync();
        await Task.WhenAll(load); // Any failed call would throw here.

        var total = 0;
        foreach (var key in keys)
        {
            total += await clients[0].GetGrain<ICounterGrain>(key).Get();
        }

        Assert.Equal(Volatile.Read(ref calls), total);
    }

    [Fact]
    public async Task A_partitioned_owner_cannot_commit_over_the_new_owners_writes()
    {
        var storage = new MemoryGrainStorage();
        await using var cluster = await ClusterSilos.StartAsync(3, storage: storage);
        var stale = cluster.Silos[2];
        var key = KeysOwnedBy(cluster, stale, "counter", 1)[0];
        var staleGrain = stale.GrainFactory.GetGrain<ICounterGrain>(key);
        Assert.Equal(1, await staleGrain.Increment());

        await stale.PartitionAsync();
        using var deadline = new CancellationTokenSource(ClusterSilos.Deadline);
        var survivors = cluster.Silos.Where(s => s != stale).ToArray();
        await Task.WhenAll(survivors.Select(s => s.WaitForViewAsync(v => !v.ActiveSilos.Contains(stale.Address!), deadline.Token)));
        var fresh = survivors[0].GrainFactory.GetGrain<ICounterGrain>(key);
        Assert.Equal(2, await fresh.Increment());
        Assert.Equal(3, await fresh.Increment());

        // The partitioned silo still believes it owns the grain; its activation holds the old ETag.
        await Assert.ThrowsAsync<InconsistentStateException>(staleGrain.Increment);

        Assert.Equal(3, await fresh.Get());
        var stored = await storage.ReadAsync(new GrainStateKey("counter", new GrainId("counter", key)), CancellationToken.None);
        Assert.Contains("\"value\":3", stored!.Record.Payload, StringComparison.Ordinal);
        await cluster.KillSiloAsync(stale);
    }

    [Fact]
    public async Task A_one_shot_reminder_of_a_killed_silos_grain_fires_once_on_its_new_owner()
    {
        var probe = new GrainProbe();
        await using var cluster = await ClusterSilos.StartAsync(3, probe);
        var victim = cluster.Silos[1];
        var key = KeysOwnedBy(cluster, victim, "reminder", 1)[0];
        await cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>(key).Register("expire", TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);

        await cluster.KillSiloAsync(victim);
        using var deadline = new CancellationTokenSource(ClusterSilos.Deadline);
        await cluster.WaitForStableViewAsync(deadline.Token);
        await Eventually.WaitAsync(() => probe.Count($"reminder:{key}:expire:") == 1, "the reminder fires on the grain's new owner");
        var owner = cluster.OwnerOf(new GrainId("reminder", key));

        Assert.NotEqual(victim, owner);
        Assert.NotNull(owner.ActivationIdOf(new GrainId("reminder", key)));
        await Eventually.WaitAsync(async () => !await cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>(key).Has("expire"), "the fired one-shot reminder is removed");
        Assert.Equal(1, probe.Count($"reminder:{key}:expire:"));
    }

    [Fact]
    public async Task A_restarted_silo_is_a_new_member_and_serves_its_share_again()
    {
        await using var cluster = await ClusterSilos.StartAsync(2);
        var old = cluster.Silos[1];
        var oldAddress = old.Address!;
        var keys = Enumerable.Range(0, 60).Select(i => $"restart-{i}-{Guid.NewGuid():N}").ToArray();
        await Task.WhenAll(keys.Select(key => cluster.Silos[0].GrainFactory.GetGrain<ICounterGrain>(key).Increment()));

        var restarted = await cluster.RestartSiloAsync(old);
        using var deadline = new CancellationTokenSource(ClusterSilos.Deadline);
        await cluster.WaitForStableViewAsync(deadline.Token);
        var counts = await Task.WhenAll(keys.Select(key => restarted.GrainFactory.GetGrain<ICounterGrain>(key).Increment()));

        Assert.All(counts, count => Assert.Equal(2, count));
        Assert.NotEqual(oldAddress, restarted.Address);
        Assert.Equal(OrderEngine.Runtime.Membership.SiloStatus.Dead, cluster.Silos[0].View!.StatusOf(oldAddress));
        Assert.Contains(keys, key => cluster.OwnerOf(new GrainId("counter", key)) == restarted);
    }

    private static string[] KeysOwnedBy(TestCluster cluster, TestSilo silo, string grainType, int count) =>
        [.. Enumerable.Range(0, 10_000).Select(i => $"{grainType}-owned-{i}-{Guid.NewGuid():N}").Where(key => cluster.OwnerOf(new GrainId(grainType, key)) == silo).Take(count)];
}

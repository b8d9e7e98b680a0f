using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Diagnostics;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests.Cluster;

/// <summary>Three silos, one activation per grain cluster-wide, whichever silo a call enters.</summary>
public sealed class ClusterRoutingTests
{
    [Fact]
    public async Task Calls_entering_at_every_silo_reach_one_activation_per_grain()
    {
        await using var cluster = await ClusterSilos.StartAsync(3);
        var keys = Enumerable.Range(0, 60).Select(i => $"routing-{i}-{Guid.NewGuid():N}").ToArray();

        foreach (var silo in cluster.Silos)
        {
            await Task.WhenAll(keys.Select(key => silo.GrainFactory.GetGrain<ICounterGrain>(key).Increment()));
        }

        foreach (var key in keys)
        {
            var seen = await Task.WhenAll(cluster.Silos.Select(silo => silo.GrainFactory.GetGrain<ICounterGrain>(key).ActivationId()));
            Assert.Single(seen.Distinct());
            var hosting = cluster.Silos.Where(silo => silo.ActivationIdOf(new GrainId("counter", key)) is not null).ToArray();
            Assert.Equal([cluster.OwnerOf(new GrainId("counter", key))], hosting);
            Assert.Equal(3, await cluster.Silos[0].GrainFactory.GetGrain<ICounterGrain>(key).Get());
        }

        // Every silo owns a share of the 60 grains.
        Assert.All(cluster.Silos, silo => Assert.Contains(keys, key => cluster.OwnerOf(new GrainId("counter", key)) == silo));
    }

    [Fact]
    public async Task A_grain_exception_reaches_a_caller_on_another_silo_with_its_type_and_message()
    {
        await using var cluster = await ClusterSilos.StartAsync(2);
        var key = Enumerable.Range(0, 100).Select(i => $"faulty-{i}").First(k => cluster.OwnerOf(new GrainId("faulty", k)) == cluster.Silos[1]);

        var remote = cluster.Silos[0].GrainFactory.GetGrain<IFaultyGrain>(key);
        var thrown = await Assert.ThrowsAsync<SaleClosedException>(() => remote.ThrowAfterAwait("sale 7 closed"));
        var synchronous = await Assert.ThrowsAsync<InvalidOperationException>(() => remote.ThrowSynchronously("sale 8 closed"));

        Assert.Equal("sale 7 closed", thrown.Message);
        Assert.Equal("sale 8 closed", synchronous.Message);
    }

    [Fact]
    public async Task Any_silo_reports_every_silo_of_the_cluster_with_its_own_load()
    {
        await using var cluster = await ClusterSilos.StartAsync(3);
        var keys = Enumerable.Range(0, 90).Select(i => $"load-{i}-{Guid.NewGuid():N}").ToArray();
        await Task.WhenAll(keys.Select(key => cluster.Silos[0].GrainFactory.GetGrain<ICounterGrain>(key).Increment()));

        var reports = await cluster.Silos[1].Services.GetRequiredService<IClusterStatistics>().ReadAsync(CancellationToken.None);

        Assert.Equal(cluster.Silos.Select(s => s.Address!.ToString()).Order(), reports.Select(r => r.Address).Order());
        Assert.All(reports, report => Assert.Equal(("Active", true), (report.Status, report.Reachable)));
        foreach (var silo in cluster.Silos)
        {
            var report = reports.Single(r => r.Address == silo.Address!.ToString());
            Assert.Equal(silo.ActivationCount, report.Activations);
        }
    }

    [Fact]
    public async Task A_call_cycle_across_silos_fails_at_once_as_a_deadlock_naming_the_cycle()
    {
        await using var cluster = await ClusterSilos.StartAsync(2);
        var a = Enumerable.Range(0, 100).Select(i => $"a{i}-{Guid.NewGuid():N}").First(k => cluster.OwnerOf(new GrainId("cycle", k)) == cluster.Silos[0]);
        var b = Enumerable.Range(0, 100).Select(i => $"b{i}-{Guid.NewGuid():N}").First(k => cluster.OwnerOf(new GrainId("cycle", k)) == cluster.Silos[1]);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => cluster.Silos[1].GrainFactory.GetGrain<ICycleGrain>(a).CallThrough([b, a]));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal([$"cycle/{a}", $"cycle/{b}", $"cycle/{a}"], error.Cycle.Select(g => g.ToString()));
    }

    [Fact]
    public async Task Stream_events_reach_an_implicit_subscriber_owned_by_another_silo_in_order()
    {
        var probe = new GrainProbe();
        await using var cluster = await ClusterSilos.StartAsync(2, probe);
        var key = Enumerable.Range(0, 1_000).Select(i => $"stream-{i}-{Guid.NewGuid():N}")
            .First(k => cluster.OwnerOf(new GrainId("counter", k)) == cluster.Silos[0] && cluster.OwnerOf(new GrainId("subscriber", k)) == cluster.Silos[1]);
        var counter = cluster.Silos[0].GrainFactory.GetGrain<ICounterGrain>(key);

        for (var i = 0; i < 20; i++)
        {
            await counter.IncrementAndPublish();
        }

        await Eventually.WaitAsync(() => probe.Count($"event:{key}:") == 20, "the 20 events reach the subscriber on the other silo");
        Assert.Equal(0, await cluster.Silos[0].GrainFactory.GetGrain<ISubscriberGrain>(key).OutOfOrder());
        Assert.NotNull(cluster.Silos[1].ActivationIdOf(new GrainId("subscriber", key)));
    }
}

using System.Diagnostics;
using OrderEngine.Benchmarks.Grains;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Membership;
using OrderEngine.Testing.Cluster;

namespace OrderEngine.Benchmarks.Scenarios;

/// <summary>
/// Silos in one process on loopback TCP: ping calls from one silo to 1,000 grains that another silo owns
/// (every call crosses the wire both ways), and how long a killed silo's grains take to serve again.
/// </summary>
public static class ClusterScenario
{
    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(TimeSpan duration, int callers)
    {
        var results = new List<BenchmarkResult>();
        await using (var cluster = await StartAsync(2))
        {
            var caller = cluster.Silos[0];
            var remote = RemoteGrains(cluster, caller.GrainFactory, cluster.Silos[1], LocalCallsScenario.Grains);
            await Task.WhenAll(remote.Select(g => g.Ping()));
            await LocalCallsScenario.MeasureAsync(remote, TimeSpan.FromSeconds(2), callers, null);
            var latencies = new LatencyRecorder();
            var watch = Stopwatch.StartNew();
            var calls = await LocalCallsScenario.MeasureAsync(remote, duration, callers, latencies);
            var rate = calls / watch.Elapsed.TotalSeconds;
            var notes = $"2 silos in one process, loopback TCP, {callers} callers on silo 0, {remote.Length} grains owned by silo 1, {duration.TotalSeconds:0} s";
            results.Add(new("cross-silo grain calls", "throughput", rate, "calls/s", ">= 300,000", notes));
            results.Add(new("cross-silo grain calls", "p50 latency", latencies.PercentileMilliseconds(50) * 1000, "µs", string.Empty, "sampled 1 in 64"));
            results.Add(new("cross-silo grain calls", "p99 latency", latencies.PercentileMilliseconds(99) * 1000, "µs", string.Empty, "sampled 1 in 64"));
        }

        await using (var cluster = await StartAsync(3))
        {
            var victim = cluster.Silos[2];
            var grain = RemoteGrains(cluster, cluster.Silos[0].GrainFactory, victim, 1)[0];
            await grain.Ping();
            var watch = Stopwatch.StartNew();
            await cluster.KillSiloAsync(victim);
            while (true)
            {
                try
                {
                    await grain.Ping();
                    break;
                }
                catch (Exception exception) when (exception is SiloUnavailableException or GrainCallTimeoutException)
                {
                    // The caller's view still names the dead silo: retry, as a client would.
                }
            }

            results.Add(new("failover after a silo is killed", "time until its grains serve again", watch.Elapsed.TotalSeconds, "s", "<= 10 s", "3 silos, defaults: probe every 1 s, 3 missed probes to suspect, 2 votes to declare dead, table read every 1 s"));
        }

        return results;
    }

    private static Task<TestCluster> StartAsync(int silos)
    {
        var membership = new MemoryMembershipTable();
        return TestCluster.StartAsync(
            silos,
            services =>
            {
                services.AddGrainRuntime();
                services.AddGrainAssembly(typeof(ClusterScenario).Assembly);
                services.AddMemoryMembership(membership);
            },
            options =>
            {
                // The product defaults, not the test cluster's faster ones: the failover figure is what users get.
                options.ProbeInterval = TimeSpan.FromSeconds(1);
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.TableRefreshInterval = TimeSpan.FromSeconds(1);
            });
    }

    private static IPingGrain[] RemoteGrains(TestCluster cluster, IGrainFactory factory, Testing.Silo.TestSilo owner, int count) =>
        [.. Enumerable.Range(0, 100 * count)
            .Select(i => factory.GetGrain<IPingGrain>(i))
            .Where(g => cluster.OwnerOf(((GrainReference)g).GrainId) == owner)
            .Take(count)];
}

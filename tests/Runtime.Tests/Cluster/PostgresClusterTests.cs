using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Postgres;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Cluster;
using OrderEngine.Testing.Postgres;
using Xunit;

namespace OrderEngine.Runtime.Tests.Cluster;

/// <summary>
/// The cluster as separate processes would run it: every silo with its own PostgreSQL data source, state,
/// reminders and membership all in one database.
/// </summary>
public sealed class PostgresClusterTests
{
    [Fact]
    public async Task On_PostgreSQL_a_partitioned_owners_write_fails_on_the_ETag_and_the_new_owners_state_stands()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var cluster = await StartAsync(3, connectionString);
        var stale = cluster.Silos[2];
        var key = Enumerable.Range(0, 1_000).Select(i => $"pg-fence-{i}-{Guid.NewGuid():N}").First(k => cluster.OwnerOf(new GrainId("counter", k)) == stale);
        var staleGrain = stale.GrainFactory.GetGrain<ICounterGrain>(key);
        Assert.Equal(1, await staleGrain.Increment());

        await stale.PartitionAsync();
        var survivors = cluster.Silos.Where(s => s != stale).ToArray();
        using var deadline = new CancellationTokenSource(ClusterSilos.Deadline);
        await Task.WhenAll(survivors.Select(s => s.WaitForViewAsync(v => v.StatusOf(stale.Address!) == OrderEngine.Runtime.Membership.SiloStatus.Dead, deadline.Token)));
        var fresh = survivors[0].GrainFactory.GetGrain<ICounterGrain>(key);
        Assert.Equal(2, await fresh.Increment());

        await Assert.ThrowsAsync<InconsistentStateException>(staleGrain.Increment);

        Assert.Equal(2, await survivors[1].GrainFactory.GetGrain<ICounterGrain>(key).Get());
        Assert.Equal(3, await fresh.Increment());
        await cluster.KillSiloAsync(stale);
    }

    private static Task<TestCluster> StartAsync(int silos, string connectionString)
    {
        var probe = new GrainProbe();
        var clusterId = $"pg-{Guid.NewGuid():N}";
        using var deadline = new CancellationTokenSource(ClusterSilos.Deadline);
        return TestCluster.StartAsync(
            silos,
            services =>
            {
                services.AddSingleton(probe);
                services.AddGrainRuntime();
                services.AddGrainAssembly(typeof(RuntimeSilo).Assembly);
                services.AddPostgresPersistence(options =>
                {
                    options.ConnectionString = connectionString;
                    options.StorageNames.Add(RuntimeSilo.Storage);
                });
                services.AddPostgresMembership(options => options.ClusterId = clusterId);
                services.AddMemoryStreams("default");
            },
            cancellationToken: deadline.Token);
    }
}

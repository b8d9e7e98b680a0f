using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Postgres;
using Xunit;

namespace OrderEngine.Persistence.Tests.Postgres;

/// <summary>Each table is a silo of its own (its own container and data source) on the class's one database.</summary>
public sealed class PostgresMembershipTableTests(PostgresDatabaseFixture database) : MembershipTableConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private readonly List<ServiceProvider> _silos = [];

    protected override Task<IMembershipTable> CreateTableAsync(string clusterId)
    {
        var silo = PostgresTestHost.Build(database.ConnectionString, configureServices: services => services.AddPostgresMembership(options => options.ClusterId = clusterId));
        _silos.Add(silo);
        return Task.FromResult(silo.GetRequiredService<IMembershipTable>());
    }

    [Fact]
    public async Task Rows_are_stored_readably_for_operators()
    {
        var clusterId = $"layout-{Guid.NewGuid():N}";
        var table = await CreateTableAsync(clusterId);
        await table.InitializeAsync(Cancel);
        var silo = new SiloAddress("10.0.0.7", 11111, 638000000000000000);
        var entry = new MembershipEntry
        {
            Silo = silo,
            Status = SiloStatus.Active,
            SiloName = "silo-a",
            HostName = "pod-1",
            HttpAddress = null,
            StartedAt = new DateTimeOffset(2031, 5, 17, 11, 45, 12, 345, TimeSpan.Zero).AddTicks(6785),
            IAmAliveAt = new DateTimeOffset(2031, 5, 17, 11, 46, 0, TimeSpan.Zero),
            Suspicions = [new SuspectVote(new SiloAddress("10.0.0.8", 11111, 1), new DateTimeOffset(2031, 5, 17, 11, 47, 1, 500, TimeSpan.Zero))],
        };
        Assert.True(await table.TryInsertAsync(entry, 0, Cancel));

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT v.version || ' ' || m.address || ' ' || m.status || ' ' || coalesce(m.http_address, 'null') || ' '
                || to_char(m.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || ' ' || m.suspicions::text
            FROM orderengine_membership_version v JOIN orderengine_membership m USING (cluster_id)
            WHERE cluster_id = $1
            """);
        command.Parameters.AddWithValue(clusterId);

        Assert.Equal(
            """1 10.0.0.7:11111@638000000000000000 2 null 2031-05-17 11:45:12.345678 [{"at": "2031-05-17T11:47:01.5Z", "suspector": "10.0.0.8:11111@1"}]""",
            await command.ExecuteScalarAsync(Cancel));
        Assert.Equal(entry with { StartedAt = entry.StartedAt.AddTicks(-entry.StartedAt.Ticks % TimeSpan.TicksPerMicrosecond) }, Assert.Single((await table.ReadAllAsync(Cancel)).Rows).Entry);
    }

    public override async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

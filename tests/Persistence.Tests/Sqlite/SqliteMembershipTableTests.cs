using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Sqlite;
using Xunit;

namespace OrderEngine.Persistence.Tests.Sqlite;

/// <summary>Each table is a silo of its own (its own container and writer) on the class's one database file.</summary>
public sealed class SqliteMembershipTableTests(SqliteFileFixture file) : MembershipTableConformanceTests, IClassFixture<SqliteFileFixture>
{
    private readonly List<ServiceProvider> _silos = [];

    protected override Task<IMembershipTable> CreateTableAsync(string clusterId)
    {
        var silo = SqliteTestHost.Build(file.DatabasePath, configureServices: services => services.AddSqliteMembership(options => options.ClusterId = clusterId));
        _silos.Add(silo);
        return Task.FromResult(silo.GetRequiredService<IMembershipTable>());
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

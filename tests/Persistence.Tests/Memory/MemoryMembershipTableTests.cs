using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Membership;
using Xunit;

namespace OrderEngine.Persistence.Tests.Memory;

/// <summary>Every silo of a cluster gets the same instance, as in a test cluster.</summary>
public sealed class MemoryMembershipTableTests : MembershipTableConformanceTests
{
    private readonly Dictionary<string, MemoryMembershipTable> _clusters = [];

    protected override Task<IMembershipTable> CreateTableAsync(string clusterId)
    {
        if (!_clusters.TryGetValue(clusterId, out var table))
        {
            table = new MemoryMembershipTable(clusterId);
            _clusters.Add(clusterId, table);
        }

        return Task.FromResult<IMembershipTable>(table);
    }

    [Fact]
    public async Task AddMemoryMembership_gives_silos_the_shared_table_or_one_of_their_own()
    {
        var shared = new MemoryMembershipTable("shared");
        await using var first = new ServiceCollection().AddMemoryMembership(shared).BuildServiceProvider();
        await using var second = new ServiceCollection().AddMemoryMembership(shared).BuildServiceProvider();
        await using var alone = new ServiceCollection().AddMemoryMembership().BuildServiceProvider();

        Assert.Same(shared, first.GetRequiredService<IMembershipTable>());
        Assert.Same(shared, second.GetRequiredService<IMembershipTable>());
        var own = Assert.IsType<MemoryMembershipTable>(alone.GetRequiredService<IMembershipTable>());
        Assert.NotSame(shared, own);
        Assert.Equal(MembershipTableOptions.DefaultClusterId, own.ClusterId);
    }
}

using Microsoft.Extensions.Logging;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Grains.Admin;

/// <summary>The operators' view over every index shard: asks all shards at once and merges their answers.</summary>
[StatelessWorker]
[GrainType("orderindexview")]
public sealed class OrderIndexGrain(ILogger<OrderIndexGrain> logger) : Grain, IOrderIndexGrain
{
    public async Task<IReadOnlyList<OrderSummary>> GetRecent(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var shards = await Task.WhenAll(Shards().Select(shard => shard.GetRecent(count)));
        return [.. shards.SelectMany(s => s).OrderByDescending(o => o.CreatedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal).Take(count)];
    }

    public async Task<IReadOnlyList<OrderSummary>> GetStuck(StuckOrdersQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var shards = await Task.WhenAll(Shards().Select(shard => shard.GetStuck(query)));
        return [.. shards.SelectMany(s => s).OrderBy(o => o.StatusSince).ThenBy(o => o.OrderId, StringComparer.Ordinal).Take(query.Limit)];
    }

    public Task<OrderSnapshot> ForceProcess(string orderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        AdminLog.ForcedProcessing(logger, orderId);
        return GrainFactory.GetGrain<IOrderGrain>(orderId).Process(force: true);
    }

    private IEnumerable<IOrderIndexShardGrain> Shards() =>
        Enumerable.Range(0, OrderStreams.ShardCount).Select(shard => GrainFactory.GetGrain<IOrderIndexShardGrain>(shard));
}

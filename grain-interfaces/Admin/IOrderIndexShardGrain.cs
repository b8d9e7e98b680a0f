namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>
/// One shard of the order index (key = shard number, 0 to <see cref="Orders.OrderStreams.ShardCount"/> - 1),
/// fed by the order-events stream. Keeps every order that is not finished plus the newest finished ones.
/// </summary>
public interface IOrderIndexShardGrain : IGrainWithIntegerKey
{
    /// <summary>The newest orders of this shard, newest first.</summary>
    Task<IReadOnlyList<OrderSummary>> GetRecent(int count);

    /// <summary>Orders of this shard stuck in Processing or Reserved (or Pending) for longer than the query says, oldest first.</summary>
    Task<IReadOnlyList<OrderSummary>> GetStuck(StuckOrdersQuery query);
}

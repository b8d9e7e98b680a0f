using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>
/// The operators' view over all index shards (a stateless worker, key 0): recent orders, stuck orders,
/// and forced processing of one order (the seed's <c>{"orderId": "...", "force": true}</c>).
/// </summary>
public interface IOrderIndexGrain : IGrainWithIntegerKey
{
    /// <summary>The newest orders over all shards, newest first.</summary>
    Task<IReadOnlyList<OrderSummary>> GetRecent(int count);

    /// <summary>Stuck orders over all shards, oldest first.</summary>
    Task<IReadOnlyList<OrderSummary>> GetStuck(StuckOrdersQuery query);

    /// <summary>Re-runs payment of a stuck order now (or starts it for a Reserved one).</summary>
    Task<OrderSnapshot> ForceProcess(string orderId);
}

using System.Globalization;

namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>
/// The streams orders publish to (provider "default", through the outbox). Both are keyed by the order's
/// index shard, so one shard's consumer sees one order's events in order.
/// </summary>
public static class OrderStreams
{
    /// <summary>Lifecycle events (<see cref="OrderEvent"/>): created, reserved, paid, failed, cancelled, shipped...</summary>
    public const string Events = "order-events";

    /// <summary>Dead letters (<see cref="DeadLetter"/>): orders whose payment finally failed.</summary>
    public const string DeadLetters = "orders-dlq";

    /// <summary>Index shards of orders; changing it re-maps every order.</summary>
    public const int ShardCount = 16;

    /// <summary>The shard of an order: a stable FNV-1a hash of its id (the same in every process), modulo <see cref="ShardCount"/>.</summary>
    public static int ShardOf(string orderId)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        var hash = 2166136261u;
        foreach (var c in orderId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % ShardCount);
    }

    /// <summary>The stream key of an order's events: its shard number.</summary>
    public static string StreamKeyOf(string orderId) => ShardOf(orderId).ToString(CultureInfo.InvariantCulture);
}

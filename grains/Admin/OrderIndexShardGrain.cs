using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Grains.Orders;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Streams;
using OrderEngine.Runtime.Timers;

namespace OrderEngine.Grains.Admin;

/// <summary>
/// One shard of the order index, implicitly subscribed to the order-events stream whose key is its
/// number: the order grains feed it through their outbox, so an event is never lost between an order's
/// write and the index. Events apply in memory (a stale or repeated event, by sequence, is dropped) and
/// are persisted behind the stream by a flush in its own turn (every event applied before it runs shares one write), because
/// the stream delivers one event at a time and waiting for each write would cap the shard at one write
/// per event. The stuck listing re-reads its candidates from the order grains, which also repairs any
/// entry an unlucky crash left behind.
/// </summary>
[Reentrant]
[GrainType("orderindex")]
[ImplicitStreamSubscription(OrderStreams.Events)]
public sealed class OrderIndexShardGrain(
    [PersistentState(OrderIndexShardGrain.StateName, OrderStorage.Name)] IPersistentState<OrderIndexState> state,
    IOptions<OrdersOptions> options,
    ILogger<OrderIndexShardGrain> logger) : Grain, IOrderIndexShardGrain, IImplicitStreamSubscriber
{
    public const string StateName = "index";

    private readonly OrdersOptions _options = options.Value;
    private IGrainTimer? _flushTimer;
    private bool _dirty;

    public Task OnNextAsync(StreamEvent streamEvent)
    {
        ArgumentNullException.ThrowIfNull(streamEvent);
        if (streamEvent.Payload is OrderEvent orderEvent)
        {
            Apply(streamEvent.EventId, orderEvent);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OrderSummary>> GetRecent(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        IReadOnlyList<OrderSummary> recent = [.. state.State.Orders.Values.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal).Take(count)];
        return Task.FromResult(recent);
    }

    public async Task<IReadOnlyList<OrderSummary>> GetStuck(StuckOrdersQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var candidates = Stuck(state.State.Orders.Values, query).Take(query.Limit).ToArray();
        var current = await Task.WhenAll(candidates.Select(c => GrainFactory.GetGrain<IOrderGrain>(c.OrderId).GetSnapshot()));
        foreach (var (candidate, snapshot) in candidates.Zip(current))
        {
            Repair(candidate, snapshot);
        }

        return [.. Stuck(state.State.Orders.Values, query).Take(query.Limit)];
    }

    private IEnumerable<OrderSummary> Stuck(IEnumerable<OrderSummary> orders, StuckOrdersQuery query)
    {
        var now = TimeProvider.GetUtcNow();
        var processing = query.ProcessingOlderThan ?? _options.StuckProcessingAfter;
        var reserved = query.ReservedOlderThan ?? _options.StuckReservedAfter;
        return orders
            .Where(o => o.Status switch
            {
                OrderStatus.Processing => now - o.StatusSince >= processing,
                OrderStatus.Pending or OrderStatus.Reserved => now - o.StatusSince >= reserved,
                _ => false,
            })
            .OrderBy(o => o.StatusSince)
            .ThenBy(o => o.OrderId, StringComparer.Ordinal);
    }

    private void Apply(string eventId, OrderEvent e)
    {
        var orders = state.State.Orders;
        if (orders.TryGetValue(e.OrderId, out var known) && known.Sequence >= e.Sequence)
        {
            AdminLog.IndexEventIgnored(logger, GrainId.Key, eventId, e.OrderId, e.Sequence, known.Sequence);
            return;
        }

        Save(orders.SetItem(e.OrderId, new OrderSummary(e.OrderId, e.CustomerId, e.Status, e.Total, e.CreatedAt, e.StatusSince, e.At, e.Sequence)));
    }

    private void Repair(OrderSummary indexed, OrderSnapshot? actual)
    {
        if (actual is null)
        {
            Save(state.State.Orders.Remove(indexed.OrderId));
        }
        else if (actual.Status != indexed.Status || actual.StatusSince != indexed.StatusSince)
        {
            Save(state.State.Orders.SetItem(indexed.OrderId, indexed with
            {
                Status = actual.Status,
                StatusSince = actual.StatusSince,
                UpdatedAt = actual.UpdatedAt,
                Total = actual.Total,
                Sequence = Math.Max(indexed.Sequence, actual.History.Count),
            }));
        }
    }

    /// <summary>
    /// Keeps every order that can still get stuck (Pending, Reserved, Processing) and the newest
    /// <see cref="OrdersOptions.RecentOrdersPerShard"/> of the others. Trimming scans the shard, so it runs
    /// only once the shard has grown to four times that: amortised constant work per event.
    /// </summary>
    private void Save(ImmutableDictionary<string, OrderSummary> orders)
    {
        if (orders.Count > 4 * _options.RecentOrdersPerShard)
        {
            orders = orders.RemoveRange(orders.Values
                .Where(o => o.Status is not (OrderStatus.Pending or OrderStatus.Reserved or OrderStatus.Processing))
                .OrderByDescending(o => o.CreatedAt).ThenBy(o => o.OrderId, StringComparer.Ordinal)
                .Skip(_options.RecentOrdersPerShard)
                .Select(o => o.OrderId));
        }

        state.State = state.State with { Orders = orders };
        PersistBehind();
    }

    /// <summary>
    /// Schedules a flush as its own turn at most <see cref="OrdersOptions.IndexFlushInterval"/> after the first
    /// unsaved event: every event applied meanwhile shares one write, so a busy shard writes its whole
    /// listing once per interval, not once per order (at 200 ms the 16 shards wrote 6 MB/s of WAL in a
    /// flash sale, more than the orders themselves).
    /// </summary>
    private void PersistBehind()
    {
        _dirty = true;
        _flushTimer ??= RegisterTimer(FlushAsync, _options.IndexFlushInterval, Timeout.InfiniteTimeSpan);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        try
        {
            await state.WriteStateAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The failed write poisons the state and deactivates the activation; the next one reloads.
            AdminLog.IndexWriteFailed(logger, GrainId.Key, exception);
        }
    }

}

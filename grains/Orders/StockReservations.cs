using System.Collections.Immutable;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;

namespace OrderEngine.Grains.Orders;

/// <summary>
/// An order's stock across SKUs, all or nothing. SKUs are asked concurrently; when one refuses, every line
/// that was taken is given back before answering. Only steps that cannot be refused (releases, decreases)
/// run after a step that can, so a rollback never needs stock that may be gone.
/// </summary>
internal sealed class StockReservations(IGrainFactory grains, string orderId)
{
    /// <summary>Reserves every line. On a refusal releases what was taken and answers the first refusal in line order.
    /// On an error releases every line it may have taken, then rethrows.</summary>
    public async Task<LinesReservation> ReserveAllAsync(string customerId, ImmutableArray<OrderLine> lines)
    {
        var calls = lines.Select(line => Sku(line.Sku).Reserve(orderId, line.Quantity, customerId)).ToArray();
        if (!await SettledAsync(calls))
        {
            await ReleaseAsync(lines.Select(line => line.Sku));
            await Task.WhenAll(calls);
        }

        var results = calls.Select(call => call.Result).ToArray();
        if (results.FirstOrDefault(result => !result.IsReserved) is { } refused)
        {
            await ReleaseAsync(results.Where(result => result.IsReserved).Select(result => result.Sku));
            return new LinesReservation([], Rejection(refused));
        }

        return new LinesReservation([.. results.Select(result => new OrderItem(result.Sku, result.Quantity, result.UnitPrice))], null);
    }

    /// <summary>
    /// Replaces <paramref name="current"/> by <paramref name="next"/>. First everything that takes stock
    /// (new SKUs, larger quantities); if any is refused those are undone and the refusal answered. Then
    /// everything that gives stock back (smaller quantities, dropped SKUs), which cannot be refused.
    /// Re-running it after a crash is safe: every step sets an absolute quantity or is idempotent.
    /// </summary>
    public async Task<LinesReservation> AmendAsync(string customerId, ImmutableArray<OrderItem> current, ImmutableArray<OrderLine> next)
    {
        var held = current.ToDictionary(item => item.Sku, StringComparer.Ordinal);
        var grows = next.Where(line => !held.TryGetValue(line.Sku, out var item) || line.Quantity > item.Quantity).ToArray();
        var calls = grows.Select(line => held.ContainsKey(line.Sku)
            ? Sku(line.Sku).Adjust(orderId, line.Quantity)
            : Sku(line.Sku).Reserve(orderId, line.Quantity, customerId)).ToArray();
        var settled = await SettledAsync(calls);
        var refused = settled ? calls.Select(call => call.Result).FirstOrDefault(result => !result.IsReserved) : null;
        if (!settled || refused is not null)
        {
            var taken = grows.Where((_, index) => calls[index].IsCompletedSuccessfully && calls[index].Result.IsReserved);
            await UndoGrowthAsync(settled ? taken : grows, held);
            if (!settled)
            {
                await Task.WhenAll(calls);
            }

            return new LinesReservation(current, Rejection(refused!));
        }

        var shrinks = next.Where(line => held.TryGetValue(line.Sku, out var item) && line.Quantity < item.Quantity)
            .Select(line => (Task)Sku(line.Sku).Adjust(orderId, line.Quantity));
        var dropped = current.Where(item => !next.Any(line => line.Sku == item.Sku)).Select(item => ReleaseOneAsync(item.Sku));
        await Task.WhenAll(shrinks.Concat(dropped));

        var prices = calls.Select(call => call.Result).ToDictionary(result => result.Sku, result => result.UnitPrice, StringComparer.Ordinal);
        return new LinesReservation(
            [.. next.Select(line => new OrderItem(line.Sku, line.Quantity, held.TryGetValue(line.Sku, out var item) ? item.UnitPrice : prices[line.Sku]))],
            null);
    }

    /// <summary>Commits every SKU. A SKU that no longer holds the order already committed it (only a crashed earlier run could have).</summary>
    public Task CommitAsync(IEnumerable<string> skus) => Task.WhenAll(skus.Select(CommitOneAsync));

    /// <summary>Releases every SKU; one that holds nothing for the order is fine (never taken, or already released).</summary>
    public Task ReleaseAsync(IEnumerable<string> skus) => Task.WhenAll(skus.Distinct(StringComparer.Ordinal).Select(ReleaseOneAsync));

    private static OrderRejection Rejection(ReserveResult refused) =>
        new(refused.Sku, refused.Outcome, refused.Quantity, refused.Available);

    /// <summary>Waits for every call; true when all succeeded (their errors are observed by the caller).</summary>
    private static async Task<bool> SettledAsync(Task<ReserveResult>[] calls)
    {
        try
        {
            await Task.WhenAll(calls);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private Task UndoGrowthAsync(IEnumerable<OrderLine> grown, Dictionary<string, OrderItem> held) =>
        Task.WhenAll(grown.Select(line => held.TryGetValue(line.Sku, out var item)
            ? Sku(line.Sku).Adjust(orderId, item.Quantity)
            : ReleaseOneAsync(line.Sku)));

    private async Task CommitOneAsync(string sku)
    {
        try
        {
            await Sku(sku).Commit(orderId);
        }
        catch (ReservationNotFoundException)
        {
            // Committed by an earlier run that crashed before recording it.
        }
    }

    private async Task ReleaseOneAsync(string sku)
    {
        try
        {
            await Sku(sku).Release(orderId);
        }
        catch (ReservationNotFoundException)
        {
            // Nothing held: never taken, or released by an earlier run.
        }
    }

    private ISkuGrain Sku(string sku) => grains.GetGrain<ISkuGrain>(sku);
}

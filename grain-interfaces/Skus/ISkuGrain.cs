namespace OrderEngine.GrainInterfaces.Skus;

/// <summary>
/// One flash-sale SKU (key = SKU id). Decides every reservation of its stock one request at a time, so
/// stock never goes negative and is never oversold. Business answers (sold out, limit exceeded, outside
/// the sale window) are <see cref="ReserveResult"/>s, not exceptions, and are answered without a storage
/// write. Illegal calls (commit of an unknown order, stock below what is held) throw typed exceptions.
/// </summary>
public interface ISkuGrain : IGrainWithStringKey
{
    /// <summary>Defines the sale, or redefines it: stock and terms change; stock may never drop below reserved + sold.</summary>
    Task<SkuSnapshot> Define(SaleDefinition definition);

    /// <summary>Adds <paramref name="quantity"/> units to the stock of a defined sale.</summary>
    Task<SkuSnapshot> Restock(int quantity);

    /// <summary>
    /// One atomic check-and-take of <paramref name="quantity"/> units for <paramref name="orderId"/>.
    /// Idempotent per order id: a repeat answers the same reservation without taking again.
    /// </summary>
    Task<ReserveResult> Reserve(string orderId, int quantity, string customerId);

    /// <summary>
    /// Changes the quantity held for <paramref name="orderId"/> to <paramref name="quantity"/> in one step
    /// (release the old quantity, take the new one): a decrease always succeeds, an increase is checked
    /// like a reservation. Idempotent: asking for the quantity already held changes nothing.
    /// </summary>
    Task<ReserveResult> Adjust(string orderId, int quantity);

    /// <summary>The order's reserved units become sold. Throws <see cref="ReservationNotFoundException"/> for an unknown order.</summary>
    Task Commit(string orderId);

    /// <summary>The order's reserved units become available again. Throws <see cref="ReservationNotFoundException"/> for an unknown order.</summary>
    Task Release(string orderId);

    Task<SkuSnapshot> GetSnapshot();
}

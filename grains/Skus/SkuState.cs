using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OrderEngine.GrainInterfaces.Skus;

namespace OrderEngine.Grains.Skus;

/// <summary>
/// A SKU's durable state, kept small for a hot SKU: sold is a counter, only pending reservations are kept
/// per order, and units per customer are kept only while a per-customer limit is set. Every change
/// returns a new record; the invariant Stock = Available + Reserved + Sold with Available &gt;= 0 holds
/// because only <see cref="SkuRules"/>-approved takes reduce availability.
/// </summary>
public sealed record SkuState
{
    public bool Defined { get; init; }

    /// <summary>All units offered: available + reserved + sold.</summary>
    public int Stock { get; init; }

    public int Reserved { get; init; }

    public int Sold { get; init; }

    public decimal Price { get; init; }

    public int? PerCustomerLimit { get; init; }

    public DateTimeOffset? SaleStart { get; init; }

    public DateTimeOffset? SaleEnd { get; init; }

    public ImmutableDictionary<string, SkuReservation> Pending { get; init; } = ImmutableDictionary<string, SkuReservation>.Empty;

    /// <summary>Units reserved or sold per customer; empty unless a limit is set.</summary>
    public ImmutableDictionary<string, int> CustomerUnits { get; init; } = ImmutableDictionary<string, int>.Empty;

    [JsonIgnore]
    public int Available => Stock - Reserved - Sold;

    public int UnitsOf(string customerId) => CustomerUnits.GetValueOrDefault(customerId);

    /// <summary>New terms. Units per customer are rebuilt from the pending reservations when a limit is newly set, dropped when it is removed.</summary>
    public SkuState Redefine(SaleDefinition definition)
    {
        var units = definition.PerCustomerLimit is null ? ImmutableDictionary<string, int>.Empty
            : PerCustomerLimit is null ? UnitsFromPending()
            : CustomerUnits;
        return this with
        {
            Defined = true,
            Stock = definition.Stock,
            Price = definition.Price,
            PerCustomerLimit = definition.PerCustomerLimit,
            SaleStart = definition.SaleStart,
            SaleEnd = definition.SaleEnd,
            CustomerUnits = units,
        };
    }

    public SkuState Take(string orderId, string customerId, int quantity, DateTimeOffset at) => this with
    {
        Reserved = Reserved + quantity,
        Pending = Pending.Add(orderId, new SkuReservation(customerId, quantity, at)),
        CustomerUnits = AddUnits(customerId, quantity),
    };

    public SkuState Resize(string orderId, SkuReservation held, int quantity) => this with
    {
        Reserved = Reserved - held.Quantity + quantity,
        Pending = Pending.SetItem(orderId, held with { Quantity = quantity }),
        CustomerUnits = AddUnits(held.CustomerId, quantity - held.Quantity),
    };

    public SkuState CommitReservation(string orderId, SkuReservation held) => this with
    {
        Reserved = Reserved - held.Quantity,
        Sold = Sold + held.Quantity,
        Pending = Pending.Remove(orderId),
    };

    public SkuState ReleaseReservation(string orderId, SkuReservation held) => this with
    {
        Reserved = Reserved - held.Quantity,
        Pending = Pending.Remove(orderId),
        CustomerUnits = AddUnits(held.CustomerId, -held.Quantity),
    };

    public SkuSnapshot ToSnapshot(string sku) =>
        new(sku, Defined, Stock, Available, Reserved, Sold, Price, PerCustomerLimit, SaleStart, SaleEnd, Pending.Count);

    private ImmutableDictionary<string, int> AddUnits(string customerId, int delta)
    {
        if (PerCustomerLimit is null || delta == 0)
        {
            return CustomerUnits;
        }

        var units = UnitsOf(customerId) + delta;
        return units <= 0 ? CustomerUnits.Remove(customerId) : CustomerUnits.SetItem(customerId, units);
    }

    private ImmutableDictionary<string, int> UnitsFromPending() =>
        Pending.Values
            .GroupBy(r => r.CustomerId, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Sum(r => r.Quantity), StringComparer.Ordinal);
}

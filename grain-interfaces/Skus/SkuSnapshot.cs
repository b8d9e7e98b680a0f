namespace OrderEngine.GrainInterfaces.Skus;

/// <summary>
/// A SKU's stock and terms at one moment. <see cref="Stock"/> = <see cref="Available"/> + <see cref="Reserved"/>
/// + <see cref="Sold"/>; <see cref="PendingReservations"/> is the number of orders holding units.
/// </summary>
public sealed record SkuSnapshot(
    string Sku,
    bool Defined,
    int Stock,
    int Available,
    int Reserved,
    int Sold,
    decimal Price,
    int? PerCustomerLimit,
    DateTimeOffset? SaleStart,
    DateTimeOffset? SaleEnd,
    int PendingReservations);

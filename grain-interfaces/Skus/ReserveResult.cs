namespace OrderEngine.GrainInterfaces.Skus;

/// <summary>
/// The answer of <see cref="ISkuGrain.Reserve"/> or <see cref="ISkuGrain.Adjust"/>: the outcome, the quantity
/// asked for (held, when reserved), the units still available after the call and the unit price.
/// </summary>
public sealed record ReserveResult(string Sku, ReserveOutcome Outcome, int Quantity, int Available, decimal UnitPrice)
{
    public bool IsReserved => Outcome == ReserveOutcome.Reserved;
}

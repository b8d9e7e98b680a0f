using OrderEngine.GrainInterfaces.Skus;

namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>Why a SKU refused a line: which SKU, the outcome, the quantity asked for and what was available.</summary>
public sealed record OrderRejection(string Sku, ReserveOutcome Reason, int Requested, int Available)
{
    public string Message => $"SKU {Sku}: {Reason} (requested {Requested}, available {Available})";
}

namespace OrderEngine.Grains.Skus;

/// <summary>Units held for one order until it is committed (sold) or released.</summary>
public sealed record SkuReservation(string CustomerId, int Quantity, DateTimeOffset At);

namespace OrderEngine.Benchmarks.Grains;

public sealed record StockState
{
    public long Available { get; init; }

    public long Sold { get; init; }
}

namespace OrderEngine.Benchmarks.Grains;

public interface IHotStockGrain : IGrainWithStringKey
{
    Task Restock(long quantity);

    /// <summary>Takes one unit if any is left; true once the sale is durable.</summary>
    Task<bool> TakeOne();

    Task<StockState> Get();
}

using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Benchmarks.Grains;

/// <summary>One hot SKU: a durable check-and-decrement, group-committed.</summary>
[Reentrant]
public sealed class HotStockGrain([PersistentState("stock", HotStockGrain.Storage)] IPersistentState<StockState> state) : Grain, IHotStockGrain
{
    public const string Storage = "bench";

    public Task Restock(long quantity)
    {
        state.State = state.State with { Available = state.State.Available + quantity };
        return state.WriteStateAsync();
    }

    public async Task<bool> TakeOne()
    {
        if (state.State.Available == 0)
        {
            return false;
        }

        state.State = state.State with { Available = state.State.Available - 1, Sold = state.State.Sold + 1 };
        await state.WriteStateAsync();
        return true;
    }

    public Task<StockState> Get() => Task.FromResult(state.State);
}

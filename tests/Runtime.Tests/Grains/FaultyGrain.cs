namespace OrderEngine.Runtime.Tests.Grains;

public sealed class FaultyGrain : Grain, IFaultyGrain
{
    public async Task ThrowAfterAwait(string message)
    {
        await Task.Yield();
        throw new SaleClosedException(message);
    }

    public Task<int> ThrowSynchronously(string message) => throw new InvalidOperationException(message);
}

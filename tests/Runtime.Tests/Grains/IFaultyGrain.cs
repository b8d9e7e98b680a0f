namespace OrderEngine.Runtime.Tests.Grains;

public interface IFaultyGrain : IGrainWithStringKey
{
    Task ThrowAfterAwait(string message);

    Task<int> ThrowSynchronously(string message);
}

namespace OrderEngine.Runtime.Tests.Grains;

public interface IReentrantCycleGrain : IGrainWithStringKey
{
    Task<string> CallThrough(string[] path);
}

namespace OrderEngine.Runtime.Tests.Grains;

[Reentrant]
public sealed class ReentrantCycleGrain : Grain, IReentrantCycleGrain
{
    public Task<string> CallThrough(string[] path) =>
        CycleHop.Next(GetPrimaryKeyString(), path, (key, rest) => GrainFactory.GetGrain<IReentrantCycleGrain>(key).CallThrough(rest));
}

namespace OrderEngine.Runtime.Tests.Grains;

public sealed class CycleGrain : Grain, ICycleGrain
{
    public Task<string> CallThrough(string[] path) =>
        CycleHop.Next(GetPrimaryKeyString(), path, (key, rest) => GrainFactory.GetGrain<ICycleGrain>(key).CallThrough(rest));
}

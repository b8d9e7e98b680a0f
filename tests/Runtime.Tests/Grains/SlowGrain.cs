using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests.Grains;

[Reentrant]
public sealed class SlowGrain(GrainProbe probe) : Grain, ISlowGrain
{
    public async Task<int> WaitFor(string gate)
    {
        await probe.Gate(gate).Task;
        return 1;
    }

    public Task<string> Ping() => Task.FromResult("pong");
}

namespace OrderEngine.Benchmarks.Grains;

public sealed class PingGrain : Grain, IPingGrain
{
    public Task Ping() => Task.CompletedTask;
}

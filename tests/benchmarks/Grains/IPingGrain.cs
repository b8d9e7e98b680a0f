namespace OrderEngine.Benchmarks.Grains;

public interface IPingGrain : IGrainWithIntegerKey
{
    Task Ping();
}

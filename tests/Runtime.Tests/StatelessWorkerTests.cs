using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class StatelessWorkerTests
{
    [Fact]
    public async Task A_stateless_worker_scales_to_processor_count_local_activations_and_no_further()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var worker = silo.GrainFactory.GetGrain<IWorkerGrain>(Random.Shared.NextInt64());
        var gate = Guid.NewGuid().ToString();
        var limit = Environment.ProcessorCount;

        var calls = Enumerable.Range(0, limit * 3).Select(_ => worker.Hold(gate)).ToArray();
        await Eventually.WaitAsync(() => probe.Count("worker-entered:") == limit, $"{limit} workers busy");
        probe.Open(gate);
        var served = await Task.WhenAll(calls);

        Assert.Equal(limit, served.Distinct().Count());
        Assert.Equal(limit * 3, probe.Count("worker-entered:"));
    }
}

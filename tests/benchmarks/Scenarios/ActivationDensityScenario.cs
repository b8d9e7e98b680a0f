using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Benchmarks.Grains;

namespace OrderEngine.Benchmarks.Scenarios;

/// <summary>Creates many activations; reports how fast, and the managed bytes each idle one holds.</summary>
public static class ActivationDensityScenario
{
    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(int activations, int concurrency)
    {
        using var host = await BenchmarkSilo.StartAsync(_ => { });
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        await factory.GetGrain<IPingGrain>(-1).Ping();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var watch = Stopwatch.StartNew();
        var next = -1L;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            long key;
            while ((key = Interlocked.Increment(ref next)) < activations)
            {
                await factory.GetGrain<IPingGrain>(key).Ping();
            }
        })));
        var elapsed = watch.Elapsed;

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perActivation = (after - before) / (double)activations;
        GC.KeepAlive(factory);
        await host.StopAsync();
        var notes = $"{activations:N0} activations, {concurrency} concurrent creators";
        return
        [
            new("activations", "creation rate", activations / elapsed.TotalSeconds, "activations/s", string.Empty, notes),
            new("activations", "managed memory per idle activation", perActivation, "bytes", "<= 2,048", "GC.GetTotalMemory after full collection, including directory entry, grain object and key"),
        ];
    }
}

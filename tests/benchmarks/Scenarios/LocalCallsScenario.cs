using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Benchmarks.Grains;

namespace OrderEngine.Benchmarks.Scenarios;

/// <summary>Ping calls to 1,000 local grains from many concurrent callers.</summary>
public static class LocalCallsScenario
{
    public const int Grains = 1000;

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(TimeSpan duration, int callers)
    {
        using var host = await BenchmarkSilo.StartAsync(_ => { });
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        var grains = Enumerable.Range(0, Grains).Select(i => factory.GetGrain<IPingGrain>(i)).ToArray();
        await Task.WhenAll(grains.Select(g => g.Ping()));

        await MeasureAsync(grains, TimeSpan.FromSeconds(2), callers, null);
        var latencies = new LatencyRecorder();
        var watch = Stopwatch.StartNew();
        var calls = await MeasureAsync(grains, duration, callers, latencies);
        var rate = calls / watch.Elapsed.TotalSeconds;
        await host.StopAsync();

        var notes = $"{callers} callers, {Grains} grains, {duration.TotalSeconds:0} s";
        return
        [
            new("local grain calls", "throughput", rate, "calls/s", ">= 2,000,000", notes),
            new("local grain calls", "p50 latency", latencies.PercentileMilliseconds(50) * 1000, "µs", string.Empty, "sampled 1 in 64"),
            new("local grain calls", "p99 latency", latencies.PercentileMilliseconds(99) * 1000, "µs", string.Empty, "sampled 1 in 64"),
        ];
    }

    internal static async Task<long> MeasureAsync(IPingGrain[] grains, TimeSpan duration, int callers, LatencyRecorder? latencies)
    {
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var samples = new List<long>();
            long calls = 0;
            var index = c * 7919 % grains.Length;
            while (true)
            {
                for (var i = 0; i < 64; i++)
                {
                    index = index + 1 == grains.Length ? 0 : index + 1;
                    await grains[index].Ping();
                }

                calls += 64;
                var start = Stopwatch.GetTimestamp();
                await grains[index].Ping();
                var now = Stopwatch.GetTimestamp();
                samples.Add(now - start);
                calls++;
                if (now >= stop)
                {
                    break;
                }
            }

            latencies?.Add(samples);
            return calls;
        })));
        return counts.Sum();
    }
}

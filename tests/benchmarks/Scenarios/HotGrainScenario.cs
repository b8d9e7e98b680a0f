using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Benchmarks.Grains;
using Npgsql;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Postgres;

namespace OrderEngine.Benchmarks.Scenarios;

/// <summary>
/// One hot reentrant grain taking one unit per call, each acknowledged only once durable in
/// PostgreSQL: group commit per grain plus batching per silo.
/// </summary>
public static class HotGrainScenario
{
    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(string connectionString, TimeSpan duration, int callers)
    {
        using var host = await BenchmarkSilo.StartAsync(services => services.AddPostgresPersistence(options =>
        {
            options.ConnectionString = connectionString;
            options.StorageNames.Add(HotStockGrain.Storage);
        }));
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        var grain = factory.GetGrain<IHotStockGrain>("hot-" + Guid.NewGuid().ToString("N"));
        await grain.Restock(1_000_000_000);

        long writes = 0;
        long commits = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "OrderEngine.Storage" && instrument.Name is "orderengine.storage.batch.operations" or "orderengine.storage.batches")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => Interlocked.Add(ref writes, value));
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref commits, value));
        listener.Start();

        var warmup = await MeasureAsync(grain, TimeSpan.FromSeconds(2), callers, null);
        Interlocked.Exchange(ref writes, 0);
        Interlocked.Exchange(ref commits, 0);
        var latencies = new LatencyRecorder();
        var watch = Stopwatch.StartNew();
        var sold = await MeasureAsync(grain, duration, callers, latencies);
        var elapsed = watch.Elapsed;
        var storageWrites = Interlocked.Read(ref writes);
        var storageCommits = Interlocked.Read(ref commits);
        var durableSold = await ReadStoredSoldAsync(connectionString, grain);
        await host.StopAsync();
        if (durableSold < warmup + sold)
        {
            throw new InvalidOperationException($"Only {durableSold} sales are in PostgreSQL but {warmup + sold} were acknowledged.");
        }

        var notes = $"{callers} callers, one grain, {duration.TotalSeconds:0} s; {storageWrites:N0} state writes in {storageCommits:N0} commits ({sold / (double)Math.Max(1, storageWrites):N0} updates per write); PostgreSQL holds {durableSold:N0} sold >= {warmup + sold:N0} acknowledged";
        return
        [
            new("hot grain, durable (PostgreSQL)", "acknowledged updates", sold / elapsed.TotalSeconds, "updates/s", ">= 100,000", notes),
            new("hot grain, durable (PostgreSQL)", "p50 latency", latencies.PercentileMilliseconds(50), "ms", string.Empty, string.Empty),
            new("hot grain, durable (PostgreSQL)", "p99 latency", latencies.PercentileMilliseconds(99), "ms", string.Empty, string.Empty),
        ];
    }

    /// <summary>Reads the grain's state row straight from PostgreSQL: what is durable, not what the grain believes.</summary>
    private static async Task<long> ReadStoredSoldAsync(string connectionString, IHotStockGrain grain)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (payload->>'sold')::bigint FROM orderengine_grain_state WHERE grain_key = @key", connection);
        command.Parameters.AddWithValue("key", ((GrainReference)grain).GrainId.Key);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> MeasureAsync(IHotStockGrain grain, TimeSpan duration, int callers, LatencyRecorder? latencies)
    {
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var samples = new List<long>();
            long sold = 0;
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (!await grain.TakeOne())
                {
                    throw new InvalidOperationException("The benchmark SKU sold out.");
                }

                var now = Stopwatch.GetTimestamp();
                samples.Add(now - start);
                sold++;
                if (now >= stop)
                {
                    break;
                }
            }

            latencies?.Add(samples);
            return sold;
        })));
        return counts.Sum();
    }
}

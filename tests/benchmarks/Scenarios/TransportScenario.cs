using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Benchmarks.Scenarios;

/// <summary>
/// The silo-to-silo transport alone: two connection managers on loopback in this process, many
/// callers each sending a request frame A→B and awaiting B's answer frame (matched by an id in the
/// payload through a TaskCompletionSource), as a remote grain call will.
/// </summary>
public static class TransportScenario
{
    /// <summary>Bytes per request and per answer, about a small serialized grain call.</summary>
    public const int PayloadSize = 64;

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(TimeSpan duration, int callers, bool inlineContinuations)
    {
        var requester = new Requester(inlineContinuations);
        var options = new TransportOptions();
        await using var b = new ConnectionManager("bench-b", new Responder(), options, TimeProvider.System, NullLoggerFactory.Instance);
        await using var listener = new ConnectionListener(b, new IPEndPoint(IPAddress.Loopback, 0));
        await listener.StartAsync();
        await using var a = new ConnectionManager("bench-a", requester, options, TimeProvider.System, NullLoggerFactory.Instance);
        var connection = await a.GetConnectionAsync("bench-b", listener.LocalEndPoint);

        await MeasureAsync(requester, connection, TimeSpan.FromSeconds(2), callers, null);
        var latencies = new LatencyRecorder();
        var watch = Stopwatch.StartNew();
        var answeredBefore = requester.Answered;
        var calls = await MeasureAsync(requester, connection, duration, callers, latencies);
        var rate = calls / watch.Elapsed.TotalSeconds;
        if (requester.Answered - answeredBefore != calls)
        {
            throw new InvalidOperationException($"{calls} calls completed but {requester.Answered - answeredBefore} answers arrived.");
        }

        var scenario = inlineContinuations ? "transport round trips (answers complete callers on the read loop)" : "transport round trips (answers complete callers on the thread pool)";
        var notes = $"{callers} concurrent callers, {PayloadSize}-byte frames each way, one loopback connection, {duration.TotalSeconds:0} s";
        return
        [
            new(scenario, "throughput", rate, "round trips/s", ">= 300,000", notes),
            new(scenario, "p50 latency", latencies.PercentileMilliseconds(50) * 1000, "µs", string.Empty, "sampled 1 in 64"),
            new(scenario, "p99 latency", latencies.PercentileMilliseconds(99) * 1000, "µs", string.Empty, "sampled 1 in 64"),
        ];
    }

    private static async Task<long> MeasureAsync(Requester requester, SiloConnection connection, TimeSpan duration, int callers, LatencyRecorder? latencies)
    {
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var samples = new List<long>();
            long calls = 0;
            while (true)
            {
                for (var i = 0; i < 63; i++)
                {
                    await requester.CallAsync(connection);
                }

                var start = Stopwatch.GetTimestamp();
                await requester.CallAsync(connection);
                var now = Stopwatch.GetTimestamp();
                samples.Add(now - start);
                calls += 64;
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

    /// <summary>A's side: sends requests and completes each caller when the answer with its id arrives.</summary>
    private sealed class Requester(bool inlineContinuations) : IFrameHandler
    {
        private readonly ConcurrentDictionary<long, TaskCompletionSource> _waiting = new();
        private long _nextId;
        private long _answered;

        public long Answered => Interlocked.Read(ref _answered);

        public Task CallAsync(SiloConnection connection)
        {
            var id = Interlocked.Increment(ref _nextId);
            var answer = new TaskCompletionSource(inlineContinuations ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[id] = answer;
            connection.Send(new IdPayload(id));
            return answer.Task;
        }

        public void OnFrame(SiloConnection connection, ReadOnlySequence<byte> payload)
        {
            if (_waiting.TryRemove(IdPayload.Read(payload), out var answer))
            {
                Interlocked.Increment(ref _answered);
                answer.TrySetResult();
            }
        }
    }

    /// <summary>B's side: answers every request at once with a frame carrying the same id.</summary>
    private sealed class Responder : IFrameHandler
    {
        public void OnFrame(SiloConnection connection, ReadOnlySequence<byte> payload) => connection.Send(new IdPayload(IdPayload.Read(payload)));
    }

    private sealed class IdPayload(long id) : IFramePayload
    {
        public static long Read(ReadOnlySequence<byte> payload)
        {
            Span<byte> id = stackalloc byte[8];
            payload.Slice(0, 8).CopyTo(id);
            return BinaryPrimitives.ReadInt64LittleEndian(id);
        }

        public void Write(IBufferWriter<byte> writer)
        {
            var span = writer.GetSpan(PayloadSize);
            BinaryPrimitives.WriteInt64LittleEndian(span, id);
            span[8..PayloadSize].Clear();
            writer.Advance(PayloadSize);
        }
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Hosting;

namespace OrderEngine.Runtime.Streams;

/// <summary>
/// Streams inside one silo process (the embedded default). Events of one stream are delivered in
/// order, one at a time, to explicit subscribers and to the implicitly subscribed grain (key = stream
/// key). A failing delivery is retried with backoff, then logged and dropped: not durable, by design;
/// the Kafka provider is the durable one.
/// </summary>
internal sealed class InMemoryStreamProvider(string name, IServiceProvider services) : IStreamProvider
{
    public const int MaxDeliveryAttempts = 5;

    private readonly ConcurrentDictionary<StreamId, StreamQueue> _queues = new();
    private readonly ConcurrentDictionary<StreamId, ImmutableList<Func<StreamEvent, Task>>> _subscribers = new();
    private readonly ConcurrentDictionary<string, string[]> _implicit = new(StringComparer.Ordinal);
    private SiloRuntime? _runtime;

    public string Name { get; } = name;

    internal DateTimeOffset Now => Runtime.TimeProvider.GetUtcNow();

    private SiloRuntime Runtime => _runtime ??= services.GetRequiredService<SiloRuntime>();

    public IAsyncStream<T> GetStream<T>(StreamId streamId)
        where T : notnull => new InMemoryStream<T>(this, streamId);

    public Task PublishAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streamEvent);
        var queue = _queues.GetOrAdd(streamEvent.StreamId, static _ => new StreamQueue());
        if (queue.Enqueue(streamEvent))
        {
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => DeliverAsync(queue), CancellationToken.None);
            }
        }

        return Task.CompletedTask;
    }

    internal IDisposable Subscribe(StreamId streamId, Func<StreamEvent, Task> onNext)
    {
        ArgumentNullException.ThrowIfNull(onNext);
        _subscribers.AddOrUpdate(streamId, _ => [onNext], (_, list) => list.Add(onNext));
        return new Subscription(() => _subscribers.AddOrUpdate(streamId, _ => [], (_, list) => list.Remove(onNext)));
    }

    private async Task DeliverAsync(StreamQueue queue)
    {
        while (queue.TryDequeue(out var streamEvent))
        {
            foreach (var subscriber in _subscribers.GetValueOrDefault(streamEvent.StreamId, []))
            {
                await DeliverWithRetryAsync(streamEvent, () => subscriber(streamEvent));
            }

            foreach (var grainType in ImplicitSubscribers(streamEvent.StreamId.Namespace))
            {
                var target = new GrainId(grainType, streamEvent.StreamId.Key);
                await DeliverWithRetryAsync(streamEvent, () => Runtime.Invoker.InvokeSystemAsync(target, new StreamDeliveryRequest { Event = streamEvent }));
            }
        }
    }

    private async Task DeliverWithRetryAsync(StreamEvent streamEvent, Func<Task> deliver)
    {
        for (var attempt = 1; attempt <= MaxDeliveryAttempts; attempt++)
        {
            try
            {
                await deliver();
                return;
            }
            catch (Exception exception)
            {
                StreamLog.DeliveryFailed(Runtime.Logger, streamEvent.EventId, streamEvent.StreamId, attempt, exception);
                if (attempt < MaxDeliveryAttempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << attempt)), Runtime.TimeProvider);
                }
            }
        }

        StreamLog.DeliveryAbandoned(Runtime.Logger, streamEvent.EventId, streamEvent.StreamId, MaxDeliveryAttempts);
    }

    private string[] ImplicitSubscribers(string streamNamespace) =>
        _implicit.GetOrAdd(streamNamespace, ns => [.. Runtime.Manifest.GrainClasses.Where(c => c.StreamNamespaces.Contains(ns)).Select(c => c.GrainType)]);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}

using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Streams;

namespace OrderEngine.Grains.Tests.Support;

/// <summary>An explicit subscription to one stream that keeps every payload.</summary>
public sealed class StreamProbe<T> : IDisposable
    where T : notnull
{
    private readonly List<T> _items = [];
    private readonly IDisposable _subscription;

    public StreamProbe(IServiceProvider services, StreamId streamId)
    {
        var provider = services.GetRequiredKeyedService<IStreamProvider>("default");
        _subscription = provider.GetStream<T>(streamId).Subscribe(e =>
        {
            if (e.Payload is T item)
            {
                lock (_items)
                {
                    _items.Add(item);
                }
            }

            return Task.CompletedTask;
        });
    }

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    public void Dispose() => _subscription.Dispose();
}

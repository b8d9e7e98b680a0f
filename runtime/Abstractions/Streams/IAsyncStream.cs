namespace OrderEngine.Runtime.Streams;

/// <summary>A stream of <typeparamref name="T"/>. Events of one stream are delivered in publication order.</summary>
public interface IAsyncStream<T>
    where T : notnull
{
    StreamId StreamId { get; }

    /// <summary>Publishes one event; completes when the provider has accepted it durably (for durable providers).</summary>
    Task OnNextAsync(T item, CancellationToken cancellationToken = default);

    /// <summary>An explicit subscription (for non-grain consumers). Dispose to unsubscribe.</summary>
    IDisposable Subscribe(Func<StreamEvent, Task> onNext);
}

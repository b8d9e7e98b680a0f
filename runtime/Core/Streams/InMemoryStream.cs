namespace OrderEngine.Runtime.Streams;

/// <summary>A typed view of one stream of an <see cref="InMemoryStreamProvider"/>.</summary>
internal sealed class InMemoryStream<T>(InMemoryStreamProvider provider, StreamId streamId) : IAsyncStream<T>
    where T : notnull
{
    public StreamId StreamId { get; } = streamId;

    public Task OnNextAsync(T item, CancellationToken cancellationToken = default) =>
        provider.PublishAsync(new StreamEvent(StreamId, Guid.CreateVersion7().ToString("N"), item, provider.Now), cancellationToken);

    public IDisposable Subscribe(Func<StreamEvent, Task> onNext) => provider.Subscribe(StreamId, onNext);
}

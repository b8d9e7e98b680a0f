namespace OrderEngine.Runtime.Streams;

/// <summary>A named stream provider (in-memory, Kafka).</summary>
public interface IStreamProvider
{
    string Name { get; }

    IAsyncStream<T> GetStream<T>(StreamId streamId)
        where T : notnull;

    /// <summary>Publishes an event whose id is already fixed (outbox replays reuse the id).</summary>
    Task PublishAsync(StreamEvent streamEvent, CancellationToken cancellationToken);
}

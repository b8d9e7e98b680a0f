using OrderEngine.Runtime.Streams;

namespace OrderEngine.Runtime.Tests.Support;

/// <summary>A stream provider whose broker is down: every publish fails.</summary>
public sealed class BrokenStreamProvider(string name) : IStreamProvider
{
    private int _attempts;

    public string Name { get; } = name;

    public int Attempts => Volatile.Read(ref _attempts);

    public IAsyncStream<T> GetStream<T>(StreamId streamId)
        where T : notnull => throw new NotSupportedException("Only the outbox publishes through this provider.");

    public Task PublishAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        return Task.FromException(new IOException("broker unreachable"));
    }
}

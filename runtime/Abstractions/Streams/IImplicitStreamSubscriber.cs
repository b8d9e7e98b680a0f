namespace OrderEngine.Runtime.Streams;

/// <summary>
/// Implemented by grain classes marked [ImplicitStreamSubscription]: each event of a stream in that
/// namespace is delivered, in order, to the grain whose key is the stream key, as a normal turn.
/// </summary>
public interface IImplicitStreamSubscriber
{
    Task OnNextAsync(StreamEvent streamEvent);
}

using OrderEngine.Runtime.Messaging;

namespace OrderEngine.Runtime.Activations;

/// <summary>One entry of an activation's ready queue: a posted continuation or a message to start.</summary>
internal readonly struct WorkItem
{
    private readonly SendOrPostCallback? _callback;
    private readonly object? _state;

    public WorkItem(SendOrPostCallback callback, object? state)
    {
        _callback = callback;
        _state = state;
    }

    public WorkItem(Message message)
    {
        _state = message;
    }

    public Message? Message => _callback is null ? (Message?)_state : null;

    public void RunCallback() => _callback!(_state);
}

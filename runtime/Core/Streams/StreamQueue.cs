namespace OrderEngine.Runtime.Streams;

/// <summary>The undelivered events of one stream; one delivery loop at a time keeps them in order.</summary>
internal sealed class StreamQueue
{
    private readonly Lock _lock = new();
    private readonly Queue<StreamEvent> _events = new();
    private bool _delivering;

    /// <summary>Adds an event; true if the caller must start the delivery loop.</summary>
    public bool Enqueue(StreamEvent streamEvent)
    {
        lock (_lock)
        {
            _events.Enqueue(streamEvent);
            if (_delivering)
            {
                return false;
            }

            _delivering = true;
            return true;
        }
    }

    /// <summary>The next event, or false (and the loop ends) when none is left.</summary>
    public bool TryDequeue(out StreamEvent streamEvent)
    {
        lock (_lock)
        {
            if (_events.TryDequeue(out streamEvent!))
            {
                return true;
            }

            _delivering = false;
            return false;
        }
    }
}

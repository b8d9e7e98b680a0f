using OrderEngine.Runtime.Streams;

namespace OrderEngine.Runtime.Persistence;

/// <summary>
/// A grain's durable state, read before OnActivateAsync. Writes carry the ETag of the last read or
/// write; a mismatch throws <see cref="InconsistentStateException"/> and deactivates the activation.
/// Concurrent <see cref="WriteStateAsync"/> calls of one activation coalesce into the next single
/// write (group commit): each call returns once a write that started after it has committed.
/// </summary>
public interface IPersistentState<TState>
    where TState : new()
{
    TState State { get; set; }

    string? ETag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Outbox: records an event that is stored with the next write of this state and published to
    /// <paramref name="stream"/> only after that write commits. If the process dies after the write,
    /// the event is published when the grain next activates (at least once; events carry a sequence
    /// number for de-duplication).
    /// </summary>
    void RecordEvent<TEvent>(StreamId stream, TEvent @event)
        where TEvent : notnull;
}

using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Streams;

namespace OrderEngine.Runtime.CodeGen.Tests.Fakes;

/// <summary>An in-memory state that counts writes; the factory tests only need its identity.</summary>
public sealed class FakePersistentState<TState> : IPersistentState<TState>
    where TState : new()
{
    public TState State { get; set; } = new();

    public string? ETag { get; private set; }

    public bool RecordExists => ETag is not null;

    public int Writes { get; private set; }

    public Task ReadStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        Writes++;
        ETag = Writes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        State = new TState();
        ETag = null;
        return Task.CompletedTask;
    }

    public void RecordEvent<TEvent>(StreamId stream, TEvent @event)
        where TEvent : notnull =>
        throw new NotSupportedException("Not used by the code generation tests.");
}

using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Streams;

namespace OrderEngine.Runtime.Persistence;

/// <summary>
/// A grain's durable state with group commit and an outbox. All members run on the activation's
/// context, so no locks are needed. Group commit: while a write is in flight, further
/// <see cref="WriteStateAsync"/> calls join the next write, which starts when the current one ends and
/// stores the state as it is then. Each caller's task completes when the write carrying its update
/// has committed. A failed write fails its callers and those waiting for the next write (their updates
/// were made on top of the lost ones), poisons the state and deactivates the activation, so the next
/// call reads what storage really holds.
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IActivationParticipant
    where TState : new()
{
    private static readonly TimeSpan MaxPublishRetryDelay = TimeSpan.FromSeconds(30);

    private readonly GrainStateKey _key;
    private readonly ActivationData _activation;
    private readonly SiloRuntime _runtime;
    private readonly IGrainStorage _storage;
    private readonly List<PendingEvent> _outbox = [];
    private WriteBatch? _inFlight;
    private WriteBatch? _next;
    private Exception? _poisoned;
    private bool _storedOutboxStale;
    private bool _deactivating;
    private Task _publishing = Task.CompletedTask;

    public PersistentState(string stateName, string storageName, ActivationData activation, SiloRuntime runtime)
    {
        _key = new GrainStateKey(stateName, activation.GrainId);
        _activation = activation;
        _runtime = runtime;
        _storage = runtime.Services.GetKeyedService<IGrainStorage>(storageName)
            ?? throw new InvalidOperationException($"No grain storage named '{storageName}' is registered (state '{stateName}' of {activation.GrainClass.GrainClass.Name}).");
    }

    public TState State { get; set; } = new();

    public string? ETag { get; private set; }

    public bool RecordExists { get; private set; }

    /// <summary>Storage writes this state has made (for tests and diagnostics).</summary>
    internal int WritesCommitted { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await _storage.ReadAsync(_key, cancellationToken);
        _outbox.Clear();
        if (stored is null)
        {
            State = new TState();
            ETag = null;
            RecordExists = false;
            return;
        }

        State = _runtime.Serializer.Deserialize<TState>(stored.Record.Payload);
        ETag = stored.ETag;
        RecordExists = true;
        if (stored.Record.Outbox is { } outbox)
        {
            foreach (var entry in _runtime.Serializer.Deserialize<OutboxEntry[]>(outbox))
            {
                _outbox.Add(new PendingEvent(entry, payload: null) { Written = true });
            }
        }
    }

    public Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (_poisoned is not null)
        {
            return Task.FromException(Discarded(_poisoned));
        }

        if (_inFlight is not null)
        {
            return (_next ??= new WriteBatch()).Join();
        }

        var batch = new WriteBatch();
        _inFlight = batch;
        var task = batch.Join();
        _ = RunWritesAsync(batch);
        return task;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        if (_poisoned is not null)
        {
            throw Discarded(_poisoned);
        }

        await WritesSettledAsync();
        try
        {
            await _storage.ClearAsync(_key, ETag, cancellationToken);
        }
        catch (Exception exception)
        {
            Poison(exception);
            throw;
        }

        State = new TState();
        ETag = null;
        RecordExists = false;
        _storedOutboxStale = false;
        _outbox.RemoveAll(pending => !pending.Written);
    }

    public void RecordEvent<TEvent>(StreamId stream, TEvent @event)
        where TEvent : notnull
    {
        var type = @event.GetType();
        var entry = new OutboxEntry(
            Guid.CreateVersion7().ToString("N"),
            stream.Namespace,
            stream.Key,
            $"{type.FullName}, {type.Assembly.GetName().Name}",
            _runtime.Serializer.ToElement(@event),
            _runtime.TimeProvider.GetUtcNow());
        _outbox.Add(new PendingEvent(entry, @event));
    }

    Task IActivationParticipant.OnActivatingAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    void IActivationParticipant.OnActivated()
    {
        if (_outbox.Count > 0)
        {
            PersistenceLog.Recovered(_runtime.Logger, _outbox.Count, _key.GrainId);
            Publish([.. _outbox]);
        }
    }

    async Task IActivationParticipant.OnDeactivatedAsync(CancellationToken cancellationToken)
    {
        _deactivating = true;
        await WritesSettledAsync();
        await _publishing.WaitAsync(cancellationToken);
        if (_poisoned is null && _storedOutboxStale && RecordExists && _outbox.Count == 0)
        {
            // Storage still lists events that have been published: clear them so a restart does not repeat them.
            await WriteStateAsync(cancellationToken);
        }
    }

    private async Task RunWritesAsync(WriteBatch? batch)
    {
        while (batch is not null)
        {
            var carried = _outbox.ToArray();
            try
            {
                var record = new GrainStateRecord(_runtime.Serializer.Serialize(State), SerializeOutbox(carried));
                ETag = await _storage.WriteAsync(_key, record, ETag, CancellationToken.None);
            }
            catch (Exception exception)
            {
                PersistenceLog.WriteFailed(_runtime.Logger, _key.StateName, _key.GrainId, batch.Callers + (_next?.Callers ?? 0), exception);
                var waiting = _next;
                _next = null;
                _inFlight = null;
                Poison(exception);
                batch.Fail(exception);
                waiting?.Fail(Discarded(exception));
                return;
            }

            WritesCommitted++;
            RecordExists = true;
            _storedOutboxStale = false;
            foreach (var pending in carried)
            {
                pending.Written = true;
            }

            if (carried.Length > 0)
            {
                Publish(carried);
            }

            batch.Complete();
            batch = _next;
            _next = null;
            _inFlight = batch;
        }
    }

    private string? SerializeOutbox(PendingEvent[] carried) =>
        carried.Length == 0 ? null : _runtime.Serializer.Serialize(carried.Select(p => p.Entry).ToArray());

    private void Publish(PendingEvent[] events)
    {
        var previous = _publishing;
        _publishing = PublishAsync(previous, events);
    }

    private async Task PublishAsync(Task previous, PendingEvent[] events)
    {
        await previous;
        var provider = _runtime.GetStreamProvider(_runtime.Options.OutboxStreamProvider);
        foreach (var pending in events)
        {
            if (!_outbox.Contains(pending))
            {
                continue;
            }

            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await provider.PublishAsync(ToStreamEvent(pending), CancellationToken.None);
                    break;
                }
                catch (Exception exception) when (!_deactivating)
                {
                    var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt), MaxPublishRetryDelay.TotalSeconds));
                    PersistenceLog.PublishFailed(_runtime.Logger, pending.Entry.Id, _key.GrainId, delay, exception);
                    await Task.Delay(delay, _runtime.TimeProvider);
                }
                catch (Exception)
                {
                    // Deactivating: the event stays in storage and is published by the next activation.
                    return;
                }
            }

            _outbox.Remove(pending);
            _storedOutboxStale = true;
        }
    }

    private StreamEvent ToStreamEvent(PendingEvent pending)
    {
        var entry = pending.Entry;
        var payload = pending.Payload
            ?? _runtime.Serializer.FromElement(entry.Payload, Type.GetType(entry.Type, throwOnError: true)!);
        return new StreamEvent(new StreamId(entry.StreamNamespace, entry.StreamKey), entry.Id, payload, entry.Timestamp);
    }

    private async Task WritesSettledAsync()
    {
        while ((_next ?? _inFlight) is { } pending)
        {
            try
            {
                await pending.Task;
            }
            catch (Exception)
            {
                // The writer's callers have the error; here we only wait for quiet.
            }
        }
    }

    private void Poison(Exception exception)
    {
        _poisoned = exception;
        _activation.Deactivate(DeactivationReason.InconsistentState);
    }

    private InconsistentStateException Discarded(Exception cause) =>
        new($"State '{_key.StateName}' of {_key.GrainId} was discarded after a failed write and is being reloaded; retry the call.", cause);
}

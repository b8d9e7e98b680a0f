using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Messaging;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Activations;

internal sealed partial class ActivationData : IGrainActivationContext
{
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IActivationParticipant> _participants = [];
    private Grain? _instance;
    private bool _deactivateWhenIdle;
    private DeactivationReason _deactivationReason;

    /// <summary>Completes when the activation has left the directory.</summary>
    public Task Deactivated => _deactivated.Task;

    public object? Instance => _instance;

    /// <summary>Starts activation. Called once, by whoever added this activation to the directory.</summary>
    public void BeginActivation()
    {
        lock (_lock)
        {
            if (_state != ActivationState.Creating)
            {
                return;
            }

            _state = ActivationState.Activating;
        }

        Post(static state => _ = ((ActivationData)state!).ActivateAsync(), this);
    }

    /// <summary>Deactivates once no request runs. Later messages are forwarded to the next activation.</summary>
    public void Deactivate(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_state is ActivationState.Creating or ActivationState.Activating)
            {
                // Still starting (e.g. shutdown while a stream event activates it): deactivate once started.
                _deactivateWhenIdle = true;
                _deactivationReason = reason;
                return;
            }

            if (_state != ActivationState.Valid)
            {
                return;
            }

            if (_running > 0)
            {
                _deactivateWhenIdle = true;
                _deactivationReason = reason;
                return;
            }
        }

        BeginDeactivation(reason);
    }

    internal void AddParticipant(IActivationParticipant participant) => _participants.Add(participant);

    T IGrainActivationContext.GetRequiredService<T>()
    {
        if (typeof(T) == typeof(IGrainContext))
        {
            return (T)(object)this;
        }

        if (typeof(T) == typeof(IGrainFactory))
        {
            return (T)(object)_runtime.GrainFactory;
        }

        return (T)(_runtime.Services.GetService(typeof(T))
            ?? throw new InvalidOperationException($"Grain {GrainClass.GrainClass.Name} needs a {typeof(T).FullName}, which is not registered."));
    }

    IPersistentState<TState> IGrainActivationContext.GetPersistentState<TState>(string stateName, string storageName)
    {
        var state = new PersistentState<TState>(stateName, storageName, this, _runtime);
        _participants.Add(state);
        return state;
    }

    private async Task ActivateAsync()
    {
        using var deadline = new CancellationTokenSource(_runtime.Options.CallTimeout, _runtime.TimeProvider);
        try
        {
            var previous = GrainContextScope.Enter(this);
            try
            {
                _instance = GrainClass.Factory(this);
            }
            finally
            {
                GrainContextScope.Exit(previous);
            }

            foreach (var participant in _participants)
            {
                await participant.OnActivatingAsync(deadline.Token);
            }

            await _instance.OnActivateAsync(deadline.Token);
        }
        catch (Exception exception)
        {
            FailActivation(exception);
            return;
        }

        _runtime.Metrics.ActivationCreated();
        bool deactivateNow;
        lock (_lock)
        {
            _state = ActivationState.Valid;
            AdmitWaiting();
            deactivateNow = _deactivateWhenIdle && _running == 0;
        }

        foreach (var participant in _participants)
        {
            participant.OnActivated();
        }

        if (deactivateNow)
        {
            BeginDeactivation(_deactivationReason);
        }
    }

    private void FailActivation(Exception exception)
    {
        ActivationLog.ActivationFailed(_runtime.Logger, GrainId, exception);
        Queue<Message>? waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = _waiting;
            _waiting = null;
        }

        _runtime.Directory.Remove(this);
        var failure = new GrainActivationException(GrainId, exception);
        while (waiting is { Count: > 0 })
        {
            waiting.Dequeue().Fail(failure);
        }

        _deactivated.TrySetResult();
    }

    private void BeginDeactivation(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid)
            {
                return;
            }

            _state = ActivationState.Deactivating;
            _deactivateWhenIdle = false;
        }

        Post(
            static state =>
            {
                var request = (DeactivationRequest)state!;
                _ = request.Activation.DeactivateAsync(request.Reason);
            },
            new DeactivationRequest(this, reason));
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        using var deadline = new CancellationTokenSource(_runtime.Options.DeactivationTimeout, _runtime.TimeProvider);
        try
        {
            await _instance!.OnDeactivateAsync(reason, deadline.Token);
        }
        catch (Exception exception)
        {
            ActivationLog.DeactivationFailed(_runtime.Logger, GrainId, exception);
        }

        foreach (var participant in _participants.ToArray())
        {
            try
            {
                await participant.OnDeactivatedAsync(deadline.Token);
            }
            catch (Exception exception)
            {
                ActivationLog.DeactivationFailed(_runtime.Logger, GrainId, exception);
            }
        }

        Queue<Message>? waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = _waiting;
            _waiting = null;
        }

        _runtime.Directory.Remove(this);
        _runtime.Metrics.ActivationDeactivated(reason);
        _deactivated.TrySetResult();

        // Whatever arrived meanwhile goes to the next activation of this grain.
        while (waiting is { Count: > 0 })
        {
            _runtime.Invoker.Forward(waiting.Dequeue());
        }
    }

    private sealed record DeactivationRequest(ActivationData Activation, DeactivationReason Reason);
}

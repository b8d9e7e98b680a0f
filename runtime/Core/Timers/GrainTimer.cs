using OrderEngine.Runtime.Activations;

namespace OrderEngine.Runtime.Timers;

/// <summary>
/// A grain timer. Each tick enters the activation's mailbox as a turn, so it never overlaps a request
/// of a non-reentrant grain; the next tick is armed only after the callback's task completes.
/// </summary>
internal sealed class GrainTimer : IGrainTimer, IActivationParticipant
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _stopped = new();
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private volatile bool _disposed;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeProvider timeProvider)
    {
        _activation = activation;
        _callback = callback;
        using (ExecutionContext.SuppressFlow())
        {
            _timer = timeProvider.CreateTimer(static state => ((GrainTimer)state!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (period != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        }

        _period = period;
        _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Stop();
        _activation.RemoveParticipant(this);
    }

    Task IActivationParticipant.OnActivatingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    void IActivationParticipant.OnActivated()
    {
    }

    Task IActivationParticipant.OnDeactivatedAsync(CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    internal Task RunTick() => _callback(_stopped.Token);

    internal void OnTickCompleted()
    {
        if (!_disposed && _period != Timeout.InfiniteTimeSpan)
        {
            _timer.Change(_period, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDue()
    {
        if (!_disposed && !_activation.Enqueue(new TimerTickMessage(_activation.GrainId, this)))
        {
            Stop();
        }
    }

    private void Stop()
    {
        _disposed = true;
        _timer.Dispose();
        _stopped.Cancel();
    }
}

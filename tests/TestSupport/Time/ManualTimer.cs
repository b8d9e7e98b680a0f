namespace OrderEngine.Testing.Time;

/// <summary>A timer of a <see cref="ManualTimeProvider"/>.</summary>
internal sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;

    /// <summary>When it fires next; null when disarmed. Read and written under the clock's lock.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (clock.SyncRoot)
        {
            _period = period;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.Now + dueTime;
        }

        if (dueTime == TimeSpan.Zero)
        {
            // Like a real timer: due now means the callback runs now, on the thread pool.
            ThreadPool.UnsafeQueueUserWorkItem(static c => c.Advance(TimeSpan.Zero), clock, preferLocal: false);
        }

        return true;
    }

    /// <summary>Under the clock's lock: re-arm for the next period, or disarm.</summary>
    public void OnFiring() =>
        DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period;

    public void Invoke() => callback(state);

    public void Dispose() => clock.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}

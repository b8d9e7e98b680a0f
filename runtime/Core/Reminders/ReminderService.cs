using Microsoft.Extensions.Logging;
using OrderEngine.Runtime.Hosting;

namespace OrderEngine.Runtime.Reminders;

/// <summary>
/// Fires durable reminders. Rows live in the <see cref="IReminderTable"/>; this silo keeps the ones it
/// owns in a schedule ordered by due time with one timer armed for the earliest, so a reminder fires
/// within milliseconds of its due time. Delivery is a normal grain call (it activates the grain) and
/// is retried with backoff until it succeeds: at least once. A fired one-shot reminder is removed; a
/// periodic one is scheduled for its next tick. Ticks missed while no silo ran fire once at start.
/// </summary>
internal sealed class ReminderService : IDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly IReminderTable _table;
    private readonly SiloRuntime _runtime;
    private readonly ILogger<ReminderService> _logger;
    private readonly Dictionary<(GrainId, string), ScheduledReminder> _current = [];
    private readonly PriorityQueue<ScheduledReminder, DateTimeOffset> _queue = new();
    private readonly ITimer _timer;
    private bool _running;

    public ReminderService(IReminderTable table, SiloRuntime runtime, ILogger<ReminderService> logger)
    {
        _table = table;
        _runtime = runtime;
        _logger = logger;
        using (ExecutionContext.SuppressFlow())
        {
            _timer = runtime.TimeProvider.CreateTimer(static state => ((ReminderService)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Reminders in the local schedule.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _current.Count;
            }
        }
    }

    /// <summary>
    /// Whether this silo owns a grain and so fires its reminders. Always true on a single silo; in a
    /// cluster the placement ring decides, and <see cref="ReloadAsync"/> runs on every view change.
    /// </summary>
    public Func<GrainId, bool> Owns { get; set; } = static _ => true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _running = true;
        }

        var loaded = await ReloadAsync(cancellationToken);
        ReminderLog.Loaded(_logger, loaded);
    }

    /// <summary>
    /// Reads the table and schedules the reminders of the grains this silo owns that it does not schedule
    /// yet; drops the ones it no longer owns (their new owner schedules them). Returns how many it holds.
    /// </summary>
    public async Task<int> ReloadAsync(CancellationToken cancellationToken)
    {
        var entries = await _table.ReadRangeAsync(0, 0, cancellationToken);
        lock (_lock)
        {
            if (!_running)
            {
                return 0;
            }

            foreach (var key in _current.Keys.Where(key => !Owns(key.Item1)).ToList())
            {
                _current.Remove(key);
            }

            foreach (var entry in entries)
            {
                if (Owns(entry.GrainId) && !_current.ContainsKey((entry.GrainId, entry.ReminderName)))
                {
                    ScheduleLocked(entry, after: null, attempt: 0);
                }
            }

            ArmLocked();
            return _current.Count;
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            _running = false;
            _current.Clear();
            _queue.Clear();
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        if (period != Timeout.InfiniteTimeSpan && period < _runtime.Options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A periodic reminder needs a period of at least {_runtime.Options.MinimumReminderPeriod} (Silo:MinimumReminderPeriod); use Timeout.InfiniteTimeSpan for a one-shot reminder.");
        }

        var startAt = TruncateToMilliseconds(_runtime.TimeProvider.GetUtcNow() + dueTime);
        var entry = new ReminderEntry(grainId, reminderName, startAt, TruncateToMilliseconds(period), ETag: null);
        var eTag = await _table.UpsertAsync(entry, CancellationToken.None);
        entry = entry with { ETag = eTag };
        lock (_lock)
        {
            ScheduleLocked(entry, after: null, attempt: 0);
            ArmLocked();
        }

        return GrainReminder.From(entry);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        string? eTag;
        lock (_lock)
        {
            // The local schedule holds the current row's ETag when this silo registered or loaded it: no read needed.
            eTag = _current.Remove((grainId, reminder.ReminderName), out var scheduled) ? scheduled.Entry.ETag : null;
        }

        eTag ??= (await _table.ReadAsync(grainId, reminder.ReminderName, CancellationToken.None))?.ETag;
        if (eTag is not null && !await _table.RemoveAsync(grainId, reminder.ReminderName, eTag, CancellationToken.None))
        {
            // Changed behind our back (another silo re-registered it): remove whatever is current now.
            var current = await _table.ReadAsync(grainId, reminder.ReminderName, CancellationToken.None);
            if (current?.ETag is { } currentETag)
            {
                await _table.RemoveAsync(grainId, reminder.ReminderName, currentETag, CancellationToken.None);
            }
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName)
    {
        var entry = await _table.ReadAsync(grainId, reminderName, CancellationToken.None);
        return entry is null ? null : GrainReminder.From(entry);
    }

    public void Dispose() => _timer.Dispose();

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static TimeSpan TruncateToMilliseconds(TimeSpan value) =>
        value == Timeout.InfiniteTimeSpan ? value : TimeSpan.FromTicks(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond));

    /// <summary>
    /// Under the lock. The next tick strictly after <paramref name="after"/> (or, with no tick handled
    /// yet, the first tick; if that lies in the past, the latest tick that is due, once).
    /// </summary>
    private void ScheduleLocked(ReminderEntry entry, DateTimeOffset? after, int attempt)
    {
        var now = _runtime.TimeProvider.GetUtcNow();
        DateTimeOffset tick;
        if (entry.IsOneShot)
        {
            tick = entry.StartAt;
        }
        else
        {
            var reference = after ?? entry.StartAt - TimeSpan.FromTicks(1);
            var elapsed = reference - entry.StartAt;
            var periods = elapsed < TimeSpan.Zero ? 0 : (elapsed.Ticks / entry.Period.Ticks) + 1;
            tick = entry.StartAt + TimeSpan.FromTicks(periods * entry.Period.Ticks);
            if (tick < now)
            {
                // Ticks were missed: deliver the latest of them once, not all of them.
                var missed = (now - entry.StartAt).Ticks / entry.Period.Ticks;
                tick = entry.StartAt + TimeSpan.FromTicks(missed * entry.Period.Ticks);
            }
        }

        var scheduled = new ScheduledReminder(entry, tick < now ? now : tick, tick, attempt);
        _current[scheduled.Key] = scheduled;
        _queue.Enqueue(scheduled, scheduled.DueAt);
    }

    private void ArmLocked()
    {
        while (_queue.TryPeek(out var next, out _) && !IsCurrentLocked(next))
        {
            _queue.Dequeue();
        }

        if (!_running || _queue.Count == 0)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var delay = _queue.Peek().DueAt - _runtime.TimeProvider.GetUtcNow();
        _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    private bool IsCurrentLocked(ScheduledReminder scheduled) =>
        _current.TryGetValue(scheduled.Key, out var current) && ReferenceEquals(current, scheduled);

    private void OnTimer()
    {
        List<ScheduledReminder> due = [];
        lock (_lock)
        {
            var now = _runtime.TimeProvider.GetUtcNow();
            while (_queue.TryPeek(out var next, out var dueAt) && dueAt <= now)
            {
                _queue.Dequeue();
                if (!IsCurrentLocked(next))
                {
                    continue;
                }

                if (Owns(next.Entry.GrainId))
                {
                    due.Add(next);
                }
                else
                {
                    _current.Remove(next.Key); // Another silo owns the grain now and fires it.
                }
            }

            ArmLocked();
        }

        foreach (var scheduled in due)
        {
            _ = FireAsync(scheduled);
        }
    }

    private async Task FireAsync(ScheduledReminder scheduled)
    {
        var entry = scheduled.Entry;
        try
        {
            var request = new ReminderRequest
            {
                ReminderName = entry.ReminderName,
                Status = new TickStatus(entry.StartAt, entry.Period, scheduled.TickTime),
            };
            await _runtime.Invoker.InvokeSystemAsync(entry.GrainId, request);
        }
        catch (Exception exception)
        {
            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, scheduled.Attempt), MaxRetryDelay.TotalSeconds));
            var retryAt = _runtime.TimeProvider.GetUtcNow() + delay;
            ReminderLog.DeliveryFailed(_logger, entry.ReminderName, entry.GrainId, scheduled.Attempt + 1, retryAt, exception);
            lock (_lock)
            {
                if (IsCurrentLocked(scheduled))
                {
                    var retry = scheduled with { DueAt = retryAt, Attempt = scheduled.Attempt + 1 };
                    _current[retry.Key] = retry;
                    _queue.Enqueue(retry, retry.DueAt);
                    ArmLocked();
                }
            }

            return;
        }

        if (entry.IsOneShot)
        {
            await RemoveFiredAsync(scheduled);
            return;
        }

        lock (_lock)
        {
            if (IsCurrentLocked(scheduled))
            {
                ScheduleLocked(entry, after: scheduled.TickTime, attempt: 0);
                ArmLocked();
            }
        }
    }

    private async Task RemoveFiredAsync(ScheduledReminder scheduled)
    {
        var entry = scheduled.Entry;
        lock (_lock)
        {
            if (!IsCurrentLocked(scheduled))
            {
                // Re-registered while firing: the new registration stays.
                return;
            }

            _current.Remove(scheduled.Key);
        }

        try
        {
            // Conditional on the ETag: a registration made meanwhile (same name) is not removed.
            await _table.RemoveAsync(entry.GrainId, entry.ReminderName, entry.ETag!, CancellationToken.None);
        }
        catch (Exception exception)
        {
            ReminderLog.RemoveFailed(_logger, entry.ReminderName, entry.GrainId, exception);
        }
    }
}

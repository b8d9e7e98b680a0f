using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrderEngine.Runtime.Membership;

namespace OrderEngine.Runtime.Cluster;

/// <summary>
/// This silo's membership protocol over <see cref="IMembershipTable"/>: join (Joining, then Active),
/// read the table every <see cref="ClusterOptions.TableRefreshInterval"/> into a <see cref="ClusterView"/>,
/// probe every other Active silo directly, vote a silo that keeps missing probes dead (the vote and the
/// verdict are one compare-and-swap on the table version), write IAmAlive, and leave gracefully
/// (ShuttingDown, then Dead). A silo that reads itself dead raises <see cref="SelfDeclaredDead"/> and
/// must stop serving: the others already place its grains elsewhere, and storage ETags fence its writes.
/// </summary>
internal sealed class ClusterMembership : IAsyncDisposable
{
    private readonly IMembershipTable _table;
    private readonly ClusterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<SiloAddress, int> _missedProbes = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly Lock _viewLock = new();
    private ClusterView _view;
    private TaskCompletionSource _viewChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _selfDead;
    private Task? _refreshing;

    public ClusterMembership(IMembershipTable table, ClusterOptions options, SiloAddress self, string siloName, TimeProvider time, ILogger logger)
    {
        _table = table;
        _options = options;
        _time = time;
        _logger = logger;
        Self = self;
        SiloName = siloName;
        StartedAt = time.GetUtcNow();
        _view = ClusterView.Initial(self, options.VirtualNodesPerSilo);
    }

    public SiloAddress Self { get; }

    public string SiloName { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Answers probes; set before <see cref="JoinAsync"/>.</summary>
    public ISiloProber? Prober { get; set; }

    public ClusterView View => Volatile.Read(ref _view);

    /// <summary>Raised (on a pool thread) with each new view, in version order.</summary>
    public event Action<ClusterView>? ViewChanged;

    /// <summary>Raised once when the table says this silo is dead.</summary>
    public event Action? SelfDeclaredDead;

    /// <summary>Inserts this silo as Joining, retires earlier incarnations on the same endpoint, becomes Active and starts the loops.</summary>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        await _table.InitializeAsync(cancellationToken);
        await ChangeSelfAsync(_ => NewEntry(SiloStatus.Joining), insert: true, cancellationToken);
        await RetirePreviousIncarnationsAsync(cancellationToken);
        await ChangeSelfAsync(entry => entry with { Status = SiloStatus.Active, IAmAliveAt = _time.GetUtcNow() }, insert: false, cancellationToken);
        ClusterLog.Joined(_logger, Self, SiloStatus.Active);
        await RefreshAsync(cancellationToken);
        _loops.Add(RunEveryAsync(_options.TableRefreshInterval, RefreshAsync, "refresh"));
        _loops.Add(RunEveryAsync(_options.ProbeInterval, ProbeAllAsync, "probe"));
        _loops.Add(RunEveryAsync(_options.IAmAliveInterval, ct => _table.UpdateIAmAliveAsync(Self, _time.GetUtcNow(), ct), "iamalive"));
        _loops.Add(CleanupAsync());
    }

    /// <summary>Marks this silo ShuttingDown: other silos stop placing grains here at their next refresh.</summary>
    public async Task BeginLeaveAsync(CancellationToken cancellationToken)
    {
        ClusterLog.Leaving(_logger, Self, SiloStatus.ShuttingDown);
        await ChangeSelfAsync(entry => entry with { Status = SiloStatus.ShuttingDown }, insert: false, cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    /// <summary>Marks this silo Dead (a clean exit) and stops the loops.</summary>
    public async Task CompleteLeaveAsync(CancellationToken cancellationToken)
    {
        await StopLoopsAsync();
        ClusterLog.Leaving(_logger, Self, SiloStatus.Dead);
        await ChangeSelfAsync(entry => entry with { Status = SiloStatus.Dead }, insert: false, cancellationToken);
    }

    /// <summary>Stops the loops without telling anyone (a crash, for tests): the others find out by probing.</summary>
    public Task AbortAsync() => StopLoopsAsync();

    /// <summary>Reads the table now and publishes the view if it changed.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _table.ReadAllAsync(cancellationToken);
        Publish(snapshot);
    }

    /// <summary>Reads the table now, sharing a read already in flight (many bounced calls cause one read).</summary>
    public Task RefreshSoonAsync()
    {
        lock (_viewLock)
        {
            if (_refreshing is not { IsCompleted: false })
            {
                _refreshing = RefreshAsync(_stopping.Token);
            }

            return _refreshing;
        }
    }

    /// <summary>Completes when a view satisfies <paramref name="condition"/>.</summary>
    public async Task<ClusterView> WaitForViewAsync(Func<ClusterView, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_viewLock)
            {
                if (condition(_view))
                {
                    return _view;
                }

                changed = _viewChanged.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopLoopsAsync();
        _stopping.Dispose();
    }

    private void Publish(MembershipSnapshot snapshot)
    {
        ClusterView view;
        TaskCompletionSource changed;
        lock (_viewLock)
        {
            if (snapshot.Version <= _view.Version)
            {
                return;
            }

            view = new ClusterView(Self, snapshot.Version, [.. snapshot.Rows.Select(r => r.Entry)], _options.VirtualNodesPerSilo);
            _view = view;
            changed = _viewChanged;
            _viewChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        foreach (var silo in _missedProbes.Keys.Where(s => !view.ActiveSilos.Contains(s)))
        {
            _missedProbes.TryRemove(silo, out _);
        }

        ClusterLog.ViewChanged(_logger, view.Version, view.ActiveSilos.Length, view);
        ViewChanged?.Invoke(view);
        changed.TrySetResult();
        if (view.StatusOf(Self) == SiloStatus.Dead && Interlocked.Exchange(ref _selfDead, 1) == 0)
        {
            ClusterLog.SelfDead(_logger, Self);
            SelfDeclaredDead?.Invoke();
        }
    }

    private async Task ProbeAllAsync(CancellationToken cancellationToken)
    {
        var prober = Prober;
        var view = View;
        if (prober is null || !view.IsSelfActive)
        {
            return;
        }

        var targets = view.ActiveSilos.Where(s => s != Self).ToArray();
        var results = await Task.WhenAll(targets.Select(target => prober.ProbeAsync(target, _options.ProbeTimeout, cancellationToken)));
        for (var i = 0; i < targets.Length; i++)
        {
            if (results[i])
            {
                _missedProbes.TryRemove(targets[i], out _);
                continue;
            }

            var missed = _missedProbes.AddOrUpdate(targets[i], 1, static (_, n) => n + 1);
            if (missed >= _options.MissedProbesToSuspect)
            {
                await VoteDeadAsync(targets[i], missed, cancellationToken);
            }
        }
    }

    private async Task VoteDeadAsync(SiloAddress target, int missed, CancellationToken cancellationToken)
    {
        var snapshot = await _table.ReadAllAsync(cancellationToken);
        var row = snapshot.Find(target);
        if (row is null || row.Entry.Status == SiloStatus.Dead || snapshot.Find(Self)?.Entry.Status != SiloStatus.Active)
        {
            Publish(snapshot);
            return;
        }

        var now = _time.GetUtcNow();
        ImmutableArray<SuspectVote> votes = [.. row.Entry.Suspicions.Where(v => v.Suspector != Self && now - v.At < _options.VoteExpiration), new SuspectVote(Self, now)];
        var voters = snapshot.Rows.Count(r => r.Entry.Status == SiloStatus.Active && r.Entry.Silo != target);
        var needed = Math.Max(1, Math.Min(_options.VotesToDeclareDead, voters));
        var dead = votes.Length >= needed;
        ClusterLog.Suspected(_logger, target, missed, votes.Length, needed);
        var updated = row.Entry with { Suspicions = votes, Status = dead ? SiloStatus.Dead : row.Entry.Status };
        if (await _table.TryUpdateAsync(updated, row.ETag, snapshot.Version, cancellationToken))
        {
            if (dead)
            {
                ClusterLog.DeclaredDead(_logger, target, string.Join(", ", votes.Select(v => v.Suspector)));
            }

            await RefreshAsync(cancellationToken);
        }
    }

    private async Task RetirePreviousIncarnationsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = await _table.ReadAllAsync(cancellationToken);
            var previous = snapshot.Rows.FirstOrDefault(r =>
                r.Entry.Silo.Host == Self.Host && r.Entry.Silo.Port == Self.Port && r.Entry.Silo.Generation < Self.Generation && r.Entry.Status != SiloStatus.Dead);
            if (previous is null)
            {
                return;
            }

            await _table.TryUpdateAsync(previous.Entry with { Status = SiloStatus.Dead }, previous.ETag, snapshot.Version, cancellationToken);
        }
    }

    private async Task ChangeSelfAsync(Func<MembershipEntry, MembershipEntry> change, bool insert, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = await _table.ReadAllAsync(cancellationToken);
            var row = snapshot.Find(Self);
            if (insert)
            {
                if (row is not null || await _table.TryInsertAsync(change(NewEntry(SiloStatus.Joining)), snapshot.Version, cancellationToken))
                {
                    return;
                }

                continue;
            }

            if (row is null)
            {
                throw new InvalidOperationException($"Silo {Self} has no row in the membership table.");
            }

            if (row.Entry.Status == SiloStatus.Dead)
            {
                Publish(snapshot);
                return;
            }

            if (await _table.TryUpdateAsync(change(row.Entry), row.ETag, snapshot.Version, cancellationToken))
            {
                return;
            }
        }
    }

    private MembershipEntry NewEntry(SiloStatus status) => new()
    {
        Silo = Self,
        Status = status,
        SiloName = SiloName,
        HostName = Environment.MachineName,
        HttpAddress = _options.HttpAddress,
        StartedAt = StartedAt,
        IAmAliveAt = _time.GetUtcNow(),
    };

    private async Task CleanupAsync()
    {
        try
        {
            var removed = await _table.CleanupDefunctAsync(_time.GetUtcNow() - _options.DefunctExpiration, _stopping.Token);
            if (removed > 0)
            {
                ClusterLog.Cleaned(_logger, removed);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ClusterLog.TableFailed(_logger, "cleanup", exception);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RunEveryAsync(TimeSpan interval, Func<CancellationToken, Task> action, string name)
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _time, token);
                await action(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                ClusterLog.TableFailed(_logger, name, exception);
            }
        }
    }

    private async Task StopLoopsAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await Task.WhenAll(_loops);
    }
}

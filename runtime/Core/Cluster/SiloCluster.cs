using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Messaging;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Cluster;

/// <summary>
/// This silo's part in the cluster: the listener and connections, the membership protocol, and routing.
/// A call goes to the owner its grain has in the current view; this silo runs only what it owns.
/// On a view change, activations this silo no longer owns drain and deactivate (their next call
/// activates them at the new owner), calls waiting on a dead silo fail, and reminders are reloaded for
/// the grains this silo now owns.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    private readonly SiloRuntime _runtime;
    private readonly IMembershipTable _table;
    private readonly ClusterOptions _options;
    private readonly TransportOptions _transportOptions;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly IHostApplicationLifetime? _lifetime;
    private ConnectionListener? _listener;
    private volatile bool _serving = true;

    public SiloCluster(SiloRuntime runtime, IMembershipTable table, IOptions<ClusterOptions> options, IOptions<TransportOptions> transportOptions, ILoggerFactory loggerFactory, IHostApplicationLifetime? lifetime = null)
    {
        _runtime = runtime;
        _table = table;
        _options = options.Value;
        _transportOptions = transportOptions.Value;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("OrderEngine.Runtime.Cluster");
        _lifetime = lifetime;
        Messaging = new ClusterMessaging(runtime, _logger);
    }

    public ClusterMessaging Messaging { get; }

    public ClusterOptions Options => _options;

    public ClusterMembership Membership { get; private set; } = null!;

    public ConnectionManager Connections { get; private set; } = null!;

    public SiloAddress Self => Membership.Self;

    public ClusterView View => Membership.View;

    /// <summary>False once this silo read itself dead: it refuses every call from then on.</summary>
    public bool IsServing => _serving;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var time = _runtime.TimeProvider;
        Connections = new ConnectionManager("unbound", Messaging, _transportOptions, time, _loggerFactory);
        _listener = new ConnectionListener(Connections, new IPEndPoint(ListenAddress(), _options.SiloPort));
        await _listener.StartAsync(cancellationToken);
        var self = new SiloAddress(_options.AdvertisedHost, _listener.Port, time.GetUtcNow().UtcTicks);
        Connections.LocalIdentity = self.ToString();
        Connections.ConnectionLost += (_, lost) => Messaging.FailCallsTo(lost.RemoteIdentity, $"the connection closed ({lost.Closure.Reason})");
        Membership = new ClusterMembership(_table, _options, self, _runtime.Options.SiloName, time, _logger) { Prober = Messaging };
        Membership.ViewChanged += OnViewChanged;
        Membership.SelfDeclaredDead += OnSelfDeclaredDead;
        Messaging.Connections = Connections;
        Messaging.View = () => Membership.View;
        _runtime.Cluster = this;
        if (_runtime.HasReminders)
        {
            _runtime.Reminders.Owns = Owns;
        }

        await Membership.JoinAsync(cancellationToken);
    }

    /// <summary>True when this silo runs <paramref name="grainId"/> in the current view.</summary>
    public bool Owns(GrainId grainId)
    {
        var owner = View.OwnerOf(grainId);
        return owner is null || owner == Self;
    }

    /// <summary>Sends <paramref name="message"/> to its owner if that is another silo; false when it runs here.</summary>
    public bool TryRoute(Message message)
    {
        if (message.Request is null)
        {
            return false;
        }

        if (!_serving)
        {
            message.Fail(new SiloUnavailableException(Self.ToString(), message.Target, message.MethodName, "this silo was declared dead and no longer serves"));
            return true;
        }

        if (!_runtime.Manifest.TryGetClass(message.Target.Type, out var grainClass) || grainClass.IsStatelessWorker)
        {
            return false; // Unknown types fail locally with a clear error; stateless workers run where they are called.
        }

        var owner = View.OwnerOf(message.Target);
        if (owner is null || owner == Self)
        {
            return false;
        }

        if (message is RemoteRequestMessage remote)
        {
            if (remote.Forwards >= 1 && !remote.ViewRefreshed)
            {
                // Handed on once already and this silo would hand it on again: one of the two views is
                // stale. Read the table (one read shared by all such calls) and route again.
                remote.ViewRefreshed = true;
                _ = RefreshThenDispatchAsync(remote);
                return true;
            }

            if (++remote.Forwards > _options.MaxForwards)
            {
                message.Fail(new SiloUnavailableException(owner.ToString(), message.Target, message.MethodName, $"forwarded {_options.MaxForwards} times while the cluster view settles"));
                return true;
            }
        }

        Messaging.Send(message, owner);
        return true;
    }

    private async Task RefreshThenDispatchAsync(RemoteRequestMessage message)
    {
        try
        {
            await Membership.RefreshSoonAsync();
        }
        catch (Exception exception)
        {
            ClusterLog.TableFailed(_logger, "refresh", exception);
        }

        _runtime.Invoker.Dispatch(message, allowInline: false);
    }

    /// <summary>
    /// Leaves gracefully: ShuttingDown (the others stop placing grains here), activations hand over,
    /// calls that still arrive are forwarded to the new owners for <paramref name="handOver"/>, then Dead.
    /// </summary>
    public async Task LeaveAsync(TimeSpan handOver, CancellationToken cancellationToken)
    {
        await Membership.BeginLeaveAsync(cancellationToken);
        var moving = _runtime.Directory.All.Where(a => !a.IsStatelessWorker).ToList();
        foreach (var activation in moving)
        {
            activation.Deactivate(DeactivationReason.OwnershipMoved);
        }

        await Task.WhenAll(moving.Select(a => a.Deactivated)).WaitAsync(_runtime.Options.DeactivationTimeout, _runtime.TimeProvider, cancellationToken);
        await Task.Delay(handOver, _runtime.TimeProvider, cancellationToken);
        await Membership.CompleteLeaveAsync(cancellationToken);
    }

    /// <summary>Stops at once without telling anyone, as a crash would (tests).</summary>
    public async Task KillAsync()
    {
        _serving = false;
        await Membership.AbortAsync();
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }

        Connections.Isolate();
    }

    /// <summary>
    /// Cuts this silo off the network without stopping it (tests of fencing): it stops probing and
    /// reading the table, its sockets drop, and it goes on serving its own callers from its stale view.
    /// </summary>
    public async Task PartitionAsync()
    {
        await Membership.AbortAsync();
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }

        Connections.Isolate();
    }

    public async ValueTask DisposeAsync()
    {
        if (Membership is not null)
        {
            await Membership.DisposeAsync();
        }

        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }

        if (Connections is not null)
        {
            await Connections.DisposeAsync();
        }
    }

    private void OnViewChanged(ClusterView view)
    {
        foreach (var member in view.Members.Where(m => m.Status == SiloStatus.Dead))
        {
            Messaging.FailCallsTo(member.Silo.ToString(), "the cluster declared it dead");
        }

        foreach (var activation in _runtime.Directory.All)
        {
            if (!activation.IsStatelessWorker && view.OwnerOf(activation.GrainId) is { } owner && owner != Self)
            {
                activation.Deactivate(DeactivationReason.OwnershipMoved);
            }
        }

        if (_runtime.HasReminders)
        {
            _ = ReloadRemindersAsync();
        }
    }

    private async Task ReloadRemindersAsync()
    {
        try
        {
            await _runtime.Reminders.ReloadAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            ClusterLog.TableFailed(_logger, "reminder reload", exception);
        }
    }

    private void OnSelfDeclaredDead()
    {
        _serving = false;
        foreach (var activation in _runtime.Directory.All)
        {
            activation.Deactivate(DeactivationReason.OwnershipMoved);
        }

        _lifetime?.StopApplication();
    }

    private IPAddress ListenAddress() =>
        IPAddress.TryParse(_options.AdvertisedHost, out var address) ? address : IPAddress.Any;
}

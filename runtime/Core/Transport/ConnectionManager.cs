using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OrderEngine.Runtime.Transport;

/// <summary>
/// The connections of one silo to the others: exactly one connection per pair of silos, used in
/// both directions and shared by every caller. A connection is made on first use
/// (<see cref="GetConnectionAsync"/>) or accepted from the peer (through a <see cref="ConnectionListener"/>);
/// when both silos dial each other at once, the handshake keeps the connection dialled by the silo
/// with the ordinally smaller identity and tells the other dialer so before any frame is sent.
/// Failed attempts back off exponentially per remote silo; a connection that closes is forgotten,
/// so the next call reconnects, and <see cref="ConnectionLost"/> tells the layer above.
/// </summary>
internal sealed partial class ConnectionManager : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RemoteSilo> _remotes = new(StringComparer.Ordinal);
    private readonly IFrameHandler _handler;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TransportMetrics? _metrics;
    private readonly CancellationTokenSource _shutdown = new();
    private int _disposed;
    private int _isolated;

    public ConnectionManager(string localIdentity, IFrameHandler handler, TransportOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory, TransportMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        LocalIdentity = localIdentity;
        Options = options;
        LoggerFactory = loggerFactory;
        _handler = handler;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<ConnectionManager>();
        _metrics = metrics;
        _metrics?.ObserveConnections(() => _remotes.Values.Count(r => r.Connection is { IsClosed: false }));
    }

    /// <summary>
    /// A connection in use closed (for any reason, also <see cref="Abort(string)"/> and disposal):
    /// frames in flight on it are lost, so calls waiting for answers over it should fail. Raised once
    /// per connection, on a thread-pool thread; handlers must not block.
    /// </summary>
    public event EventHandler<ConnectionLostEventArgs>? ConnectionLost;

    /// <summary>
    /// This silo's identity, sent in every handshake. Settable once the listener has bound an
    /// OS-assigned port (the identity names the port), before the first connection.
    /// </summary>
    public string LocalIdentity
    {
        get;
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            if (Encoding.UTF8.GetByteCount(value) > HandshakeMessage.MaxStringBytes)
            {
                throw new ArgumentException($"A silo identity may have at most {HandshakeMessage.MaxStringBytes} UTF-8 bytes.", nameof(value));
            }

            field = value;
        }
    }

    public TransportOptions Options { get; }

    internal ILoggerFactory LoggerFactory { get; }

    /// <summary>The connection in use with <paramref name="remoteIdentity"/>, if there is one; never connects.</summary>
    public bool TryGetConnection(string remoteIdentity, [NotNullWhen(true)] out SiloConnection? connection)
    {
        connection = _remotes.TryGetValue(remoteIdentity, out var remote) && remote.Connection is { IsClosed: false } open ? open : null;
        return connection is not null;
    }

    /// <summary>The connections in use now.</summary>
    public IReadOnlyList<SiloConnection> GetConnections() =>
        [.. _remotes.Values.Select(r => r.Connection).OfType<SiloConnection>().Where(c => !c.IsClosed)];

    /// <summary>
    /// The connection with <paramref name="remoteIdentity"/>, connecting to <paramref name="endpoint"/>
    /// if there is none. Completes synchronously when a connection is in use; concurrent callers share
    /// one attempt. Fails with <see cref="SiloConnectionException"/> when the attempt fails, and at once
    /// (naming the last error) while attempts to that silo are backing off. <paramref name="cancellationToken"/>
    /// stops this caller's wait, not the shared attempt.
    /// </summary>
    public ValueTask<SiloConnection> GetConnectionAsync(string remoteIdentity, IPEndPoint endpoint, CancellationToken cancellationToken = default)
    {
        if (_remotes.TryGetValue(remoteIdentity, out var known) && known.Connection is { IsClosed: false } connection)
        {
            return new(connection);
        }

        return ConnectOrJoin(remoteIdentity, endpoint, cancellationToken);
    }

    /// <summary>Closes the connection with <paramref name="remoteIdentity"/> abruptly (tests: a crash).</summary>
    public void Abort(string remoteIdentity)
    {
        if (_remotes.TryGetValue(remoteIdentity, out var remote))
        {
            remote.Connection?.Abort();
        }
    }

    /// <summary>Closes every connection abruptly, as if this silo's process died.</summary>
    public void AbortAll()
    {
        foreach (var remote in _remotes.Values)
        {
            remote.Connection?.Abort();
        }
    }

    /// <summary>
    /// Cuts this silo off the network for good (tests: a crash or a partition): every connection closes
    /// abruptly, and none is dialled or taken into use again, also not one whose dial was already under
    /// way. Without this, a probe or a call of the cut-off silo still in flight could reconnect it, and
    /// the others would go on reaching it over that connection.
    /// </summary>
    public void Isolate()
    {
        Volatile.Write(ref _isolated, 1);
        AbortAll();
    }

    /// <summary>Stops connecting, fails waiting callers and closes every connection gracefully (each bounded by <see cref="TransportOptions.CloseTimeout"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        var closing = new List<Task>();
        foreach (var remote in _remotes.Values)
        {
            TaskCompletionSource<SiloConnection>? pending;
            SiloConnection? connection;
            lock (remote.SyncRoot)
            {
                pending = remote.Pending;
                remote.Pending = null;
                connection = remote.Connection;
            }

            pending?.TrySetException(new ObjectDisposedException(nameof(ConnectionManager), $"Silo {LocalIdentity} is shutting down its connections."));
            if (connection is not null)
            {
                closing.Add(connection.DisposeAsync().AsTask());
            }
        }

        await Task.WhenAll(closing).ConfigureAwait(false);
    }

    private static long NewConnectionId() => Random.Shared.NextInt64(1, long.MaxValue);

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    private bool IsIsolated => Volatile.Read(ref _isolated) != 0;

    private SiloConnectionException CutOff(string remoteIdentity) => new(remoteIdentity, $"Silo {LocalIdentity} is cut off from the network.");

    private SiloConnection NewConnection(Socket socket, bool outbound) =>
        new(new SocketConnectionTransport(socket), LocalIdentity, outbound, Options, _timeProvider, LoggerFactory.CreateLogger<SiloConnection>(), _metrics);

    /// <summary>
    /// Under the remote's lock: makes <paramref name="connection"/> the one in use. Returns the
    /// connection it replaces (to close) and the waiting callers (to release once it runs).
    /// </summary>
    private static (SiloConnection? Replaced, TaskCompletionSource<SiloConnection>? Waiting) RegisterLocked(RemoteSilo remote, SiloConnection connection)
    {
        var replaced = remote.Connection;
        if (replaced is not null)
        {
            remote.DropLocked(replaced);
        }

        remote.Connection = connection;
        remote.Failures = 0;
        remote.LastError = null;
        var waiting = remote.Pending;
        remote.Pending = null;
        return (replaced, waiting);
    }

    /// <summary>
    /// Right after <see cref="RegisterLocked"/>: from now on callers may queue frames on the connection,
    /// so its close is reported as lost (and forgotten) whenever it happens, even before it runs.
    /// </summary>
    private void Watch(RemoteSilo remote, SiloConnection connection) =>
        _ = connection.Closed.ContinueWith(
            static (closed, state) =>
            {
                var (manager, remote, connection) = ((ConnectionManager, RemoteSilo, SiloConnection))state!;
                manager.OnClosed(remote, connection, closed.Result);
            },
            (this, remote, connection),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    /// <summary>After <see cref="Watch"/> (and, for an accepted connection, after the answer is written): runs it.</summary>
    private void Activate(RemoteSilo remote, SiloConnection connection, SiloConnection? replaced, TaskCompletionSource<SiloConnection>? waiting)
    {
        replaced?.Close(ConnectionCloseReason.Replaced, null);
        if (IsIsolated)
        {
            // Dialled or accepted while the silo was being cut off: it never runs, and nobody waits for it.
            connection.Abort();
            waiting?.TrySetException(CutOff(remote.Identity));
            return;
        }

        connection.Start(_handler);
        _metrics?.ConnectionOpened(connection.IsOutbound);
        TransportLog.ConnectionEstablished(_logger, connection.Id, remote.Identity, connection.RemoteEndPoint, connection.IsOutbound ? "outbound" : "inbound");
        waiting?.TrySetResult(connection);
    }

    private void OnClosed(RemoteSilo remote, SiloConnection connection, ConnectionClosure closure)
    {
        lock (remote.SyncRoot)
        {
            remote.DropLocked(connection);
        }

        try
        {
            ConnectionLost?.Invoke(this, new ConnectionLostEventArgs(remote.Identity, connection, closure));
        }
        catch (Exception e)
        {
            TransportLog.ConnectionLostHandlerFailed(_logger, remote.Identity, e);
        }
    }
}

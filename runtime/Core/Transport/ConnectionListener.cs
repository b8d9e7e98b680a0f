using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace OrderEngine.Runtime.Transport;

/// <summary>
/// Listens for connections from other silos on one address and port and hands each accepted
/// socket to the <see cref="ConnectionManager"/> for the handshake. Stopping closes the listening
/// socket, abandons handshakes in progress and closes the connections it accepted (gracefully).
/// </summary>
internal sealed class ConnectionListener : IAsyncDisposable
{
    private const int Backlog = 512;

    private readonly ConnectionManager _manager;
    private readonly IPEndPoint _endpoint;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _handshakes = [];
    private readonly HashSet<SiloConnection> _accepted = [];
    private Socket? _socket;
    private IPEndPoint? _bound;
    private Task _acceptLoop = Task.CompletedTask;
    private int _stopped;

    public ConnectionListener(ConnectionManager manager, IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(endpoint);
        _manager = manager;
        _endpoint = endpoint;
        _logger = manager.LoggerFactory.CreateLogger<ConnectionListener>();
    }

    /// <summary>The address and port bound (after <see cref="StartAsync"/>; the OS-assigned port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint => _bound ?? throw new InvalidOperationException("The listener has not started.");

    public int Port => LocalEndPoint.Port;

    /// <summary>Binds and starts accepting. Throws (e.g. <see cref="SocketException"/> for a port in use) when binding fails.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopped) != 0, this);
        if (_socket is not null)
        {
            throw new InvalidOperationException("The listener has already started.");
        }

        var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(_endpoint);
            socket.Listen(Backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _bound = (IPEndPoint)socket.LocalEndPoint!;
        TransportLog.Listening(_logger, _bound);
        using (ExecutionContext.SuppressFlow())
        {
            _acceptLoop = Task.Run(AcceptLoopAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops listening and closes every connection this listener accepted.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        Task[] handshakes;
        lock (_lock)
        {
            handshakes = [.. _handshakes];
        }

        await Task.WhenAll(handshakes).ConfigureAwait(false);
        SiloConnection[] accepted;
        lock (_lock)
        {
            accepted = [.. _accepted];
        }

        await Task.WhenAll(accepted.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var listening = _socket!;
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listening.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                // The peer gave up before its connection was accepted: nothing to do for this one.
                continue;
            }
            catch (Exception e)
            {
                TransportLog.AcceptFailed(_logger, _endpoint, e);
                return;
            }

            var handshake = HandshakeAsync(socket);
            lock (_lock)
            {
                _handshakes.Add(handshake);
            }

            _ = handshake.ContinueWith(
                static (done, state) =>
                {
                    var listener = (ConnectionListener)state!;
                    lock (listener._lock)
                    {
                        listener._handshakes.Remove(done);
                    }
                },
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task HandshakeAsync(Socket socket)
    {
        var connection = await _manager.AcceptAsync(socket, _stopping.Token).ConfigureAwait(false);
        if (connection is null)
        {
            return;
        }

        lock (_lock)
        {
            _accepted.Add(connection);
        }

        _ = connection.Closed.ContinueWith(
            static (_, state) =>
            {
                var (listener, connection) = ((ConnectionListener, SiloConnection))state!;
                lock (listener._lock)
                {
                    listener._accepted.Remove(connection);
                }
            },
            (this, connection),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}

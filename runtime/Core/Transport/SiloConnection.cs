using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace OrderEngine.Runtime.Transport;

/// <summary>
/// One TCP connection between two silos, used in both directions. Frames are sent with
/// <see cref="TrySend"/> from any number of threads: they are queued and one send loop writes
/// everything queued into the socket's pipe and flushes once per batch, so frames batch naturally
/// under load. One read loop parses frames and hands each to the <see cref="IFrameHandler"/>.
/// <see cref="Closed"/> completes exactly once, with the first reason the connection ended for.
/// </summary>
internal sealed partial class SiloConnection : IAsyncDisposable
{
    private readonly IConnectionTransport _transport;
    private readonly TransportOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TransportMetrics? _metrics;
    private readonly Channel<IFramePayload> _sendQueue = Channel.CreateUnbounded<IFramePayload>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<ConnectionClosure> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionClosure? _closure;
    private IFrameHandler? _handler;
    private Task _sendLoop = Task.CompletedTask;
    private Task _readLoop = Task.CompletedTask;
    private int _queued;
    private int _closing;

    public SiloConnection(IConnectionTransport transport, string localIdentity, bool isOutbound, TransportOptions options, TimeProvider timeProvider, ILogger logger, TransportMetrics? metrics)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        _transport = transport;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        LocalIdentity = localIdentity;
        IsOutbound = isOutbound;
    }

    /// <summary>Chosen by the dialer and agreed in the handshake; both silos know the connection by it.</summary>
    public long Id { get; private set; }

    public string LocalIdentity { get; }

    /// <summary>The peer's identity, as it said in the handshake (empty before).</summary>
    public string RemoteIdentity { get; private set; } = string.Empty;

    /// <summary>True when this silo dialled the connection, false when it accepted it.</summary>
    public bool IsOutbound { get; }

    public EndPoint? RemoteEndPoint => _transport.RemoteEndPoint;

    /// <summary>Completes once, when the connection has closed (for whatever reason); never faults.</summary>
    public Task<ConnectionClosure> Closed => _closed.Task;

    /// <summary>True once the connection no longer takes frames (closed, or closing gracefully).</summary>
    public bool IsClosed => Volatile.Read(ref _closure) is not null || Volatile.Read(ref _closing) != 0;

    /// <summary>Frames queued and not yet written to the socket.</summary>
    public int QueuedFrames => Volatile.Read(ref _queued);

    /// <summary>
    /// Queues a frame; the send loop writes it soon, after the frames queued before it (frames sent
    /// from one thread arrive in order). False when the connection is closed or its send queue is full
    /// (<see cref="TransportOptions.SendQueueLimit"/>). True means queued, not delivered: a connection
    /// that closes drops what is still queued, and <see cref="Closed"/> tells.
    /// </summary>
    public bool TrySend(IFramePayload payload) => Enqueue(payload) == 0;

    /// <summary>Like <see cref="TrySend"/> but throws <see cref="SiloConnectionException"/> saying why the frame was not queued.</summary>
    public void Send(IFramePayload payload)
    {
        switch (Enqueue(payload))
        {
            case 0:
                return;
            case 1:
                throw new SiloConnectionException(RemoteIdentity, $"The connection to silo {RemoteIdentity} is closed ({Volatile.Read(ref _closure)?.ToString() ?? "closing"}).");
            default:
                throw new SiloConnectionException(RemoteIdentity, $"The send queue of the connection to silo {RemoteIdentity} is full ({_options.SendQueueLimit} frames, Transport:SendQueueLimit): the peer is not reading.");
        }
    }

    /// <summary>Closes at once, as a crashed process would: queued and unflushed frames are dropped.</summary>
    public void Abort() => Close(ConnectionCloseReason.LocalAbort, null);

    /// <summary>
    /// Closes gracefully: takes no new frames, writes and flushes the queued ones, tells the peer
    /// (which then closes its side), and closes the socket; waits at most
    /// <see cref="TransportOptions.CloseTimeout"/> before it closes abruptly.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0 && Volatile.Read(ref _closure) is null)
        {
            _sendQueue.Writer.TryComplete();
            try
            {
                await Task.WhenAll(_sendLoop, _readLoop).WaitAsync(_options.CloseTimeout, _timeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                TransportLog.GracefulCloseTimedOut(_logger, Id, RemoteIdentity, _options.CloseTimeout);
            }

            Close(ConnectionCloseReason.LocalClose, null);
        }

        await Task.WhenAll(_sendLoop, _readLoop).ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
    }

    public override string ToString() => $"connection {Id} {(IsOutbound ? "to" : "from")} {RemoteIdentity} ({RemoteEndPoint})";

    /// <summary>After the handshake: the id both silos agreed on and who the peer is.</summary>
    internal void SetPeer(long id, string remoteIdentity)
    {
        Id = id;
        RemoteIdentity = remoteIdentity;
    }

    /// <summary>Starts the read and send loops (after the handshake); frames queued before are sent now.</summary>
    internal void Start(IFrameHandler handler)
    {
        _handler = handler;
        if (Volatile.Read(ref _closure) is not null)
        {
            return;
        }

        // The loops belong to no caller: they carry no ExecutionContext (call chains, activations) and no SynchronizationContext.
        using (ExecutionContext.SuppressFlow())
        {
            _sendLoop = Task.Run(SendLoopAsync);
            _readLoop = Task.Run(ReadLoopAsync);
        }
    }

    /// <summary>Records why the connection ended (the first caller wins), stops taking frames and closes the socket.</summary>
    internal void Close(ConnectionCloseReason reason, Exception? error)
    {
        var closure = new ConnectionClosure(reason, error);
        if (Interlocked.CompareExchange(ref _closure, closure, null) is not null)
        {
            return;
        }

        _sendQueue.Writer.TryComplete();
        _transport.Abort();
        if (_handler is not null)
        {
            // Connections that never ran (declined or failed handshakes) are logged by the manager.
            if (reason is ConnectionCloseReason.ProtocolError or ConnectionCloseReason.IoError)
            {
                TransportLog.ConnectionFailed(_logger, Id, RemoteIdentity, RemoteEndPoint, reason, error);
            }
            else
            {
                TransportLog.ConnectionClosed(_logger, Id, RemoteIdentity, RemoteEndPoint, reason);
            }

            _metrics?.ConnectionClosed(reason);
        }

        _closed.TrySetResult(closure);
    }

    /// <summary>0 queued, 1 closed, 2 queue full.</summary>
    private int Enqueue(IFramePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (Interlocked.Increment(ref _queued) > _options.SendQueueLimit)
        {
            Interlocked.Decrement(ref _queued);
            return IsClosed ? 1 : 2;
        }

        if (!_sendQueue.Writer.TryWrite(payload))
        {
            Interlocked.Decrement(ref _queued);
            return 1;
        }

        return 0;
    }
}

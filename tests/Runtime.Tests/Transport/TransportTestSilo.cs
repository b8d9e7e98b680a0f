using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Tests.Transport;

/// <summary>A silo's transport on loopback for tests: a connection manager, its listener on an OS-assigned port, and a recorder of received frames.</summary>
internal sealed class TransportTestSilo : IAsyncDisposable
{
    private TransportTestSilo(string identity, ConnectionManager manager, ConnectionListener listener, FrameRecorder frames)
    {
        Identity = identity;
        Manager = manager;
        Listener = listener;
        Frames = frames;
        EndPoint = listener.LocalEndPoint;
    }

    public string Identity { get; }

    public ConnectionManager Manager { get; }

    public ConnectionListener Listener { get; private set; }

    public FrameRecorder Frames { get; }

    /// <summary>Where the listener listens (the same port after a restart).</summary>
    public IPEndPoint EndPoint { get; }

    public static async Task<TransportTestSilo> StartAsync(string? identity = null, TimeProvider? clock = null, TransportOptions? options = null, IFrameHandler? handler = null)
    {
        identity ??= "silo-" + Guid.NewGuid().ToString("N");
        var frames = new FrameRecorder();
        var manager = new ConnectionManager(identity, handler ?? frames, options ?? new TransportOptions(), clock ?? TimeProvider.System, NullLoggerFactory.Instance);
        var listener = new ConnectionListener(manager, new IPEndPoint(IPAddress.Loopback, 0));
        await listener.StartAsync();
        return new TransportTestSilo(identity, manager, listener, frames);
    }

    /// <summary>The connection to <paramref name="other"/>, dialling it if needed.</summary>
    public Task<SiloConnection> ConnectAsync(TransportTestSilo other, CancellationToken cancellationToken) =>
        Manager.GetConnectionAsync(other.Identity, other.EndPoint, cancellationToken).AsTask();

    /// <summary>Stops the listener: nothing listens on the port, and the connections it accepted close gracefully.</summary>
    public Task StopListenerAsync() => Listener.StopAsync();

    /// <summary>A new listener on the same port.</summary>
    public async Task StartListenerAsync()
    {
        Listener = new ConnectionListener(Manager, EndPoint);
        await Listener.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync();
        await Manager.DisposeAsync();
    }
}

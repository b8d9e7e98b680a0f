namespace OrderEngine.Runtime.Transport;

/// <summary>A connection that was in use between this silo and <see cref="RemoteIdentity"/> closed: frames in flight on it are lost.</summary>
internal sealed class ConnectionLostEventArgs(string remoteIdentity, SiloConnection connection, ConnectionClosure closure) : EventArgs
{
    public string RemoteIdentity { get; } = remoteIdentity;

    public SiloConnection Connection { get; } = connection;

    public ConnectionClosure Closure { get; } = closure;
}

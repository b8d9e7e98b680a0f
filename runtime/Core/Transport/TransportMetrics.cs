using System.Diagnostics.Metrics;

namespace OrderEngine.Runtime.Transport;

/// <summary>
/// The "OrderEngine.Transport" instruments: frames and bytes each way (recorded once per batch, not
/// per frame), connections opened and closed (by direction and reason), failed connection attempts.
/// </summary>
internal sealed class TransportMetrics : IDisposable
{
    public const string MeterName = "OrderEngine.Transport";

    private static readonly KeyValuePair<string, object?> Outbound = new("direction", "outbound");
    private static readonly KeyValuePair<string, object?> Inbound = new("direction", "inbound");

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _framesSent;
    private readonly Counter<long> _bytesSent;
    private readonly Counter<long> _framesReceived;
    private readonly Counter<long> _bytesReceived;
    private readonly Counter<long> _connectionsOpened;
    private readonly Counter<long> _connectionsClosed;
    private readonly Counter<long> _connectFailures;

    public TransportMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _framesSent = _meter.CreateCounter<long>("orderengine.transport.frames.sent", "{frame}", "Frames written to silo connections.");
        _bytesSent = _meter.CreateCounter<long>("orderengine.transport.bytes.sent", "By", "Bytes written to silo connections, length prefixes included.");
        _framesReceived = _meter.CreateCounter<long>("orderengine.transport.frames.received", "{frame}", "Frames read from silo connections.");
        _bytesReceived = _meter.CreateCounter<long>("orderengine.transport.bytes.received", "By", "Bytes read from silo connections, length prefixes included.");
        _connectionsOpened = _meter.CreateCounter<long>("orderengine.transport.connections.opened", "{connection}", "Silo connections established, by direction.");
        _connectionsClosed = _meter.CreateCounter<long>("orderengine.transport.connections.closed", "{connection}", "Silo connections closed, by reason.");
        _connectFailures = _meter.CreateCounter<long>("orderengine.transport.connect.failures", "{attempt}", "Connection attempts to silos that failed.");
    }

    /// <summary>Reports the number of open connections at each collection.</summary>
    public void ObserveConnections(Func<int> count) =>
        _meter.CreateObservableGauge("orderengine.transport.connections", count, "{connection}", "Silo connections in use.");

    public void FramesSent(int frames, long bytes)
    {
        _framesSent.Add(frames);
        _bytesSent.Add(bytes);
    }

    public void FramesReceived(int frames, long bytes)
    {
        _framesReceived.Add(frames);
        _bytesReceived.Add(bytes);
    }

    public void ConnectionOpened(bool outbound) => _connectionsOpened.Add(1, outbound ? Outbound : Inbound);

    public void ConnectionClosed(ConnectionCloseReason reason) => _connectionsClosed.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void ConnectFailed() => _connectFailures.Add(1);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}

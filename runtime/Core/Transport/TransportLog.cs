using System.Net;
using Microsoft.Extensions.Logging;

namespace OrderEngine.Runtime.Transport;

internal static partial class TransportLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Connection {ConnectionId} with silo {RemoteIdentity} ({RemoteEndPoint}) established, {Direction}")]
    public static partial void ConnectionEstablished(ILogger logger, long connectionId, string remoteIdentity, EndPoint? remoteEndPoint, string direction);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Connection {ConnectionId} with silo {RemoteIdentity} ({RemoteEndPoint}) closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId, string remoteIdentity, EndPoint? remoteEndPoint, ConnectionCloseReason reason);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Connection {ConnectionId} with silo {RemoteIdentity} ({RemoteEndPoint}) failed: {Reason}")]
    public static partial void ConnectionFailed(ILogger logger, long connectionId, string remoteIdentity, EndPoint? remoteEndPoint, ConnectionCloseReason reason, Exception? exception);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning, Message = "Connecting to silo {RemoteIdentity} at {EndPoint} failed ({Failures} in a row); next attempt after {RetryDelay}")]
    public static partial void ConnectFailed(ILogger logger, string remoteIdentity, EndPoint endPoint, int failures, TimeSpan retryDelay, Exception exception);

    [LoggerMessage(EventId = 704, Level = LogLevel.Error, Message = "The frame handler threw on connection {ConnectionId} with silo {RemoteIdentity}; the frame is skipped")]
    public static partial void FrameHandlerFailed(ILogger logger, long connectionId, string remoteIdentity, Exception exception);

    [LoggerMessage(EventId = 705, Level = LogLevel.Error, Message = "A frame payload of type {PayloadType} failed to write on connection {ConnectionId} with silo {RemoteIdentity}; the connection closes")]
    public static partial void PayloadFailed(ILogger logger, long connectionId, string remoteIdentity, string payloadType, Exception exception);

    [LoggerMessage(EventId = 706, Level = LogLevel.Warning, Message = "Handshake with {RemoteEndPoint} failed")]
    public static partial void HandshakeFailed(ILogger logger, EndPoint? remoteEndPoint, Exception exception);

    [LoggerMessage(EventId = 707, Level = LogLevel.Information, Message = "Connection from silo {RemoteIdentity} ({RemoteEndPoint}) answered {Answer}: {Reason}")]
    public static partial void HandshakeDeclined(ILogger logger, string remoteIdentity, EndPoint? remoteEndPoint, HandshakeKind answer, string reason);

    [LoggerMessage(EventId = 708, Level = LogLevel.Warning, Message = "Graceful close of connection {ConnectionId} with silo {RemoteIdentity} took longer than {Timeout}; closing abruptly")]
    public static partial void GracefulCloseTimedOut(ILogger logger, long connectionId, string remoteIdentity, TimeSpan timeout);

    [LoggerMessage(EventId = 709, Level = LogLevel.Information, Message = "Listening for silo connections on {EndPoint}")]
    public static partial void Listening(ILogger logger, EndPoint endPoint);

    [LoggerMessage(EventId = 710, Level = LogLevel.Error, Message = "Accepting silo connections on {EndPoint} failed; the listener stops")]
    public static partial void AcceptFailed(ILogger logger, EndPoint endPoint, Exception exception);

    [LoggerMessage(EventId = 711, Level = LogLevel.Error, Message = "A ConnectionLost handler threw for silo {RemoteIdentity}")]
    public static partial void ConnectionLostHandlerFailed(ILogger logger, string remoteIdentity, Exception exception);
}

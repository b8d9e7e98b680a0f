namespace OrderEngine.Runtime.Transport;

/// <summary>Why a <see cref="SiloConnection"/> closed.</summary>
internal enum ConnectionCloseReason
{
    /// <summary>The peer closed its side (or its process ended).</summary>
    RemoteClosed,

    /// <summary>The peer broke the frame format, e.g. announced a frame larger than the maximum frame size.</summary>
    ProtocolError,

    /// <summary>Closed abruptly on this side (<see cref="SiloConnection.Abort"/>): queued frames were dropped.</summary>
    LocalAbort,

    /// <summary>Closed gracefully on this side (<see cref="SiloConnection.DisposeAsync"/>): queued frames were written first.</summary>
    LocalClose,

    /// <summary>Reading or writing the socket failed (connection reset, network error), or a payload could not be written.</summary>
    IoError,

    /// <summary>The peer opened a new connection to this silo after losing this one; the new one replaced it.</summary>
    Replaced,
}

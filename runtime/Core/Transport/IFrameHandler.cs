using System.Buffers;

namespace OrderEngine.Runtime.Transport;

/// <summary>Receives the frames of every connection of a silo (one handler per <see cref="ConnectionManager"/>).</summary>
internal interface IFrameHandler
{
    /// <summary>
    /// One received frame, called on the connection's read loop, one frame at a time and in the
    /// order the peer sent them. <paramref name="payload"/> points into the receive buffer and is
    /// valid only until this method returns: deserialize or copy what is needed before returning,
    /// and do not block (the next frame of this connection waits). An exception is logged and the
    /// connection goes on with the next frame.
    /// </summary>
    void OnFrame(SiloConnection connection, ReadOnlySequence<byte> payload);
}

using System.Buffers;

namespace OrderEngine.Runtime.Transport;

/// <summary>
/// The content of one frame, opaque to the transport. The connection's send loop calls
/// <see cref="Write"/> once, on its own thread, to write the payload straight into the socket's
/// buffer; the length prefix is filled in afterwards, so the payload need not know its size.
/// </summary>
/// <remarks>
/// <see cref="Write"/> must not throw and must not write more than <see cref="TransportOptions.MaxFrameSize"/>
/// bytes: half a frame cannot be taken back from the byte stream, so either closes the connection.
/// After <see cref="Write"/> returns (or the connection closes with the frame still queued) the
/// transport holds no reference to the payload, so it may be pooled.
/// </remarks>
internal interface IFramePayload
{
    void Write(IBufferWriter<byte> writer);
}

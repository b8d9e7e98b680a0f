namespace OrderEngine.Runtime.Transport;

/// <summary>The handshake frames, read and written before the loops start.</summary>
internal sealed partial class SiloConnection
{
    /// <summary>Writes one handshake frame and flushes it (before <see cref="Start"/>: nothing else writes yet).</summary>
    internal async ValueTask WriteHandshakeAsync(HandshakeMessage message, CancellationToken cancellationToken)
    {
        var output = _transport.Output;
        new FrameWriter(output, HandshakeMessage.MaxFrameSize).WriteFrame(message);
        var result = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsCanceled || result.IsCompleted)
        {
            throw new IOException("The connection closed during the handshake.");
        }
    }

    /// <summary>Reads exactly one handshake frame; bytes after it stay in the pipe for the read loop.</summary>
    internal async ValueTask<HandshakeMessage> ReadHandshakeAsync(CancellationToken cancellationToken)
    {
        var input = _transport.Input;
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            switch (FrameFormat.TryReadFrame(ref buffer, HandshakeMessage.MaxFrameSize, out var payload))
            {
                case FrameReadStatus.Frame:
                    var message = HandshakeMessage.Parse(payload);
                    input.AdvanceTo(buffer.Start);
                    return message;
                case FrameReadStatus.TooLarge:
                    throw new InvalidDataException($"The peer's first frame announces {FrameFormat.ReadLength(buffer)} bytes: it is not a silo handshake.");
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new EndOfStreamException("The peer closed the connection during the handshake.");
            }
        }
    }
}

using System.Buffers;
using System.IO.Pipelines;

namespace OrderEngine.Runtime.Transport;

/// <summary>The read and send loops of a connection.</summary>
internal sealed partial class SiloConnection
{
    /// <summary>The send loop flushes at least this often within a long batch, so buffered bytes stay bounded and the socket starts early.</summary>
    private const int FlushThreshold = 64 * 1024;

    private async Task ReadLoopAsync()
    {
        var input = _transport.Input;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                if (ReadFrames(ref buffer) == FrameReadStatus.TooLarge)
                {
                    Close(ConnectionCloseReason.ProtocolError, new FrameTooLargeException(FrameFormat.ReadLength(buffer), _options.MaxFrameSize));
                    return;
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (Volatile.Read(ref _closure) is not null)
                {
                    return;
                }

                if (result.IsCompleted)
                {
                    var error = buffer.IsEmpty ? null : new EndOfStreamException($"The peer closed the connection in the middle of a frame ({buffer.Length} bytes of it had arrived).");
                    Close(Volatile.Read(ref _closing) != 0 ? ConnectionCloseReason.LocalClose : ConnectionCloseReason.RemoteClosed, error);
                    return;
                }
            }
        }
        catch (Exception e)
        {
            // After a local close or abort this is the socket going away: the first reason stands.
            Close(ConnectionCloseReason.IoError, e);
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Hands every whole frame at the front of <paramref name="buffer"/> to the handler, synchronously.</summary>
    private FrameReadStatus ReadFrames(ref ReadOnlySequence<byte> buffer)
    {
        var handler = _handler!;
        var frames = 0;
        long bytes = 0;
        var status = FrameReadStatus.Incomplete;
        while (Volatile.Read(ref _closure) is null)
        {
            status = FrameFormat.TryReadFrame(ref buffer, _options.MaxFrameSize, out var payload);
            if (status != FrameReadStatus.Frame)
            {
                break;
            }

            frames++;
            bytes += FrameFormat.HeaderLength + payload.Length;
            try
            {
                handler.OnFrame(this, payload);
            }
            catch (Exception e)
            {
                TransportLog.FrameHandlerFailed(_logger, Id, RemoteIdentity, e);
            }
        }

        if (frames > 0)
        {
            _metrics?.FramesReceived(frames, bytes);
        }

        // Stopped by a close: whatever follows is not read.
        return status == FrameReadStatus.Frame ? FrameReadStatus.Incomplete : status;
    }

    private async Task SendLoopAsync()
    {
        var reader = _sendQueue.Reader;
        var output = _transport.Output;
        var writer = new FrameWriter(output, _options.MaxFrameSize);
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var frames = 0;
                while (Volatile.Read(ref _closure) is null && reader.TryRead(out var payload))
                {
                    WriteFrame(writer, payload);
                    frames++;
                    if (writer.BufferedBytes >= FlushThreshold)
                    {
                        await FlushAsync(output, writer, frames).ConfigureAwait(false);
                        frames = 0;
                    }
                }

                if (Volatile.Read(ref _closure) is not null)
                {
                    return;
                }

                await FlushAsync(output, writer, frames).ConfigureAwait(false);
            }

            if (Volatile.Read(ref _closure) is null)
            {
                // Closing gracefully: everything queued is flushed; tell the peer no more frames follow.
                await output.CompleteAsync().ConfigureAwait(false);
                _transport.ShutdownOutput();
            }
        }
        catch (Exception e)
        {
            Close(ConnectionCloseReason.IoError, e);
        }
        finally
        {
            // Returns the buffers; with an error nothing more is written.
            await output.CompleteAsync(new OperationCanceledException("The connection closed.")).ConfigureAwait(false);
        }
    }

    private void WriteFrame(FrameWriter writer, IFramePayload payload)
    {
        try
        {
            writer.WriteFrame(payload);
        }
        catch (Exception e)
        {
            // Part of the frame may be in the buffer already and cannot be taken back: the stream is lost.
            TransportLog.PayloadFailed(_logger, Id, RemoteIdentity, payload.GetType().Name, e);
            throw new InvalidOperationException($"A frame payload ({payload.GetType().Name}) failed to write; the connection to {RemoteIdentity} cannot continue after half a frame.", e);
        }
    }

    private async ValueTask FlushAsync(PipeWriter output, FrameWriter writer, int frames)
    {
        if (frames > 0)
        {
            Interlocked.Add(ref _queued, -frames);
            _metrics?.FramesSent(frames, writer.BufferedBytes);
            writer.ResetBuffered();
        }

        var result = await output.FlushAsync().ConfigureAwait(false);
        if (result.IsCanceled || result.IsCompleted)
        {
            throw new IOException("The socket stopped taking data.");
        }
    }
}

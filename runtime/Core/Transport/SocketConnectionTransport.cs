using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace OrderEngine.Runtime.Transport;

/// <summary>
/// A connected TCP socket as a pair of pipes (<see cref="PipeReader.Create(Stream, StreamPipeReaderOptions)"/> and
/// <see cref="PipeWriter.Create(Stream, StreamPipeWriterOptions)"/> over a <see cref="NetworkStream"/>): each
/// receive reads straight into the pipe's buffer on the read loop and each flush writes the buffered
/// frames to the socket on the send loop, so no extra thread hop sits between the socket and the frames.
/// </summary>
internal sealed class SocketConnectionTransport : IConnectionTransport
{
    /// <summary>Receive buffer segment: one receive takes up to this much (hundreds of small frames).</summary>
    private const int ReceiveBufferSize = 64 * 1024;

    /// <summary>Send buffer segment: one socket write per segment when flushing.</summary>
    private const int SendBufferSize = 64 * 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    public SocketConnectionTransport(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
        _socket.NoDelay = true;
        RemoteEndPoint = socket.RemoteEndPoint;
        _stream = new NetworkStream(socket, ownsSocket: false);
        Input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: ReceiveBufferSize, minimumReadSize: 4096, leaveOpen: true));
        Output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: SendBufferSize, leaveOpen: true));
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public EndPoint? RemoteEndPoint { get; }

    public void ShutdownOutput()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already reset or closed: the peer sees the end anyway.
        }
    }

    public void Abort() => _socket.Dispose();

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}

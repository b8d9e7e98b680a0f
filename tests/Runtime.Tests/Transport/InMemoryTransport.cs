using System.IO.Pipelines;
using System.Net;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Tests.Transport;

/// <summary>A connection's byte stream as two in-memory pipes: the test writes what the "peer" sends into <see cref="Incoming"/> and reads what the connection sent from <see cref="Outgoing"/>.</summary>
internal sealed class InMemoryTransport : IConnectionTransport
{
    private readonly Pipe _incoming = new();
    private readonly Pipe _outgoing = new();

    /// <summary>The peer's side: bytes written here arrive at the connection.</summary>
    public PipeWriter Incoming => _incoming.Writer;

    /// <summary>The peer's side: the bytes the connection wrote.</summary>
    public PipeReader Outgoing => _outgoing.Reader;

    public PipeReader Input => _incoming.Reader;

    public PipeWriter Output => _outgoing.Writer;

    public EndPoint? RemoteEndPoint => null;

    public bool Aborted { get; private set; }

    /// <summary>The peer answers the end of output as a real silo does: it closes its side too.</summary>
    public void ShutdownOutput() => _incoming.Writer.Complete();

    public void Abort()
    {
        Aborted = true;
        _incoming.Reader.CancelPendingRead();
        _outgoing.Writer.CancelPendingFlush();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

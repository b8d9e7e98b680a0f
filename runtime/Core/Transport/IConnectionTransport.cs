using System.IO.Pipelines;
using System.Net;

namespace OrderEngine.Runtime.Transport;

/// <summary>The byte stream under a <see cref="SiloConnection"/>: a socket in production, in-memory pipes in tests.</summary>
internal interface IConnectionTransport : IDuplexPipe, IAsyncDisposable
{
    EndPoint? RemoteEndPoint { get; }

    /// <summary>After <see cref="IDuplexPipe.Output"/> is completed: tells the peer that no more bytes follow, keeping the input open.</summary>
    void ShutdownOutput();

    /// <summary>Closes at once: pending reads and writes end, unflushed bytes are lost. Safe to call more than once.</summary>
    void Abort();
}

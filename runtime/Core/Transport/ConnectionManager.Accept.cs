using System.Net.Sockets;

namespace OrderEngine.Runtime.Transport;

/// <summary>Accepting: the acceptor's side of the handshake and the tie-break between simultaneous dials.</summary>
internal sealed partial class ConnectionManager
{
    /// <summary>
    /// Runs the acceptor's handshake on a socket a listener accepted and, if the connection is kept,
    /// makes it the one in use with the peer. Returns it, or null when it was declined or failed.
    /// </summary>
    internal async Task<SiloConnection?> AcceptAsync(Socket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var connection = NewConnection(socket, outbound: false);
        using var timeout = new CancellationTokenSource(Options.ConnectTimeout, _timeProvider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _shutdown.Token, cancellationToken);
        var accepted = false;
        RemoteSilo? remote = null;
        (SiloConnection? Replaced, TaskCompletionSource<SiloConnection>? Waiting) registered = default;
        try
        {
            var hello = await connection.ReadHandshakeAsync(stop.Token).ConfigureAwait(false);
            if (hello.Kind != HandshakeKind.Hello)
            {
                throw new InvalidDataException($"The first frame of a silo connection must be a hello, not {hello.Kind}.");
            }

            connection.SetPeer(hello.ConnectionId, hello.Sender);

            (var answer, var reason, remote, registered) = Decide(hello, connection);
            accepted = answer == HandshakeKind.Accepted;
            if (accepted)
            {
                Watch(remote!, connection);
            }

            await connection.WriteHandshakeAsync(HandshakeMessage.Answer(answer, hello, LocalIdentity, reason), stop.Token).ConfigureAwait(false);
            if (!accepted)
            {
                TransportLog.HandshakeDeclined(_logger, hello.Sender, connection.RemoteEndPoint, answer, reason);
                await connection.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            Activate(remote!, connection, registered.Replaced, registered.Waiting);
            return connection;
        }
        catch (Exception e)
        {
            TransportLog.HandshakeFailed(_logger, connection.RemoteEndPoint, e);
            connection.Close(ConnectionCloseReason.IoError, e);
            if (accepted && remote is not null)
            {
                // Registered (the close is reported as lost), but the answer could not be written: hand the waiting callers back to the dial in progress.
                lock (remote.SyncRoot)
                {
                    remote.DropLocked(connection);
                    remote.Pending ??= registered.Waiting;
                }

                registered.Replaced?.Close(ConnectionCloseReason.Replaced, null);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>
    /// Whether to keep a connection the peer dialled. With a connection already in use, the peer
    /// dialling again means it dropped that one (its hello names it: replace it) or its dial crossed
    /// ours, which it already accepted (keep ours). With our own dial in progress, the connection
    /// dialled by the ordinally smaller identity wins; the loser is answered Duplicate and waits for
    /// the winner. An accepted connection is registered here, before its answer is written, so every
    /// caller from now on shares it; its loop starts after the answer.
    /// </summary>
    private (HandshakeKind Answer, string Reason, RemoteSilo? Remote, (SiloConnection? Replaced, TaskCompletionSource<SiloConnection>? Waiting) Registered) Decide(HandshakeMessage hello, SiloConnection connection)
    {
        if (!string.Equals(hello.Target, LocalIdentity, StringComparison.Ordinal))
        {
            return (HandshakeKind.Refused, $"this is silo {LocalIdentity}, not {hello.Target}", null, default);
        }

        if (string.Equals(hello.Sender, LocalIdentity, StringComparison.Ordinal) || hello.Sender.Length == 0)
        {
            return (HandshakeKind.Refused, $"a peer cannot call itself '{hello.Sender}'", null, default);
        }

        var remote = _remotes.GetOrAdd(hello.Sender, static identity => new RemoteSilo(identity));
        lock (remote.SyncRoot)
        {
            if (IsDisposed)
            {
                return (HandshakeKind.Refused, $"silo {LocalIdentity} is shutting down", null, default);
            }

            var existing = remote.Connection;
            if (existing is { IsClosed: true })
            {
                remote.DropLocked(existing);
                existing = null;
            }

            if (existing is not null)
            {
                if (hello.Replaces != existing.Id)
                {
                    return (HandshakeKind.Duplicate, $"connection {existing.Id} is in use", remote, default);
                }
            }
            else if (remote.Pending is not null && string.CompareOrdinal(LocalIdentity, hello.Sender) < 0)
            {
                return (HandshakeKind.Duplicate, "this silo's own connection attempt wins the tie-break", remote, default);
            }

            return (HandshakeKind.Accepted, string.Empty, remote, RegisterLocked(remote, connection));
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace OrderEngine.Runtime.Transport;

/// <summary>Dialling: one shared attempt per remote silo, exponential backoff after failures.</summary>
internal sealed partial class ConnectionManager
{
    private ValueTask<SiloConnection> ConnectOrJoin(string remoteIdentity, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(remoteIdentity);
        ArgumentNullException.ThrowIfNull(endpoint);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (string.Equals(remoteIdentity, LocalIdentity, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Silo {LocalIdentity} does not connect to itself.", nameof(remoteIdentity));
        }

        if (IsIsolated)
        {
            return ValueTask.FromException<SiloConnection>(CutOff(remoteIdentity));
        }

        var remote = _remotes.GetOrAdd(remoteIdentity, static identity => new RemoteSilo(identity));
        TaskCompletionSource<SiloConnection> pending;
        long replaces;
        lock (remote.SyncRoot)
        {
            if (remote.Connection is { } existing)
            {
                if (!existing.IsClosed)
                {
                    return new(existing);
                }

                remote.DropLocked(existing);
            }

            if (remote.Pending is { } joined)
            {
                return new(joined.Task.WaitAsync(cancellationToken));
            }

            if (remote.Failures > 0 && _timeProvider.GetUtcNow() < remote.RetryAt)
            {
                return ValueTask.FromException<SiloConnection>(new SiloConnectionException(
                    remoteIdentity,
                    $"Silo {remoteIdentity} at {endpoint} is unreachable: {remote.Failures} connection attempt(s) failed, the last with: {remote.LastError?.Message}. The next attempt is made after {remote.RetryAt:O}.",
                    remote.LastError,
                    remote.RetryAt));
            }

            pending = new(TaskCreationOptions.RunContinuationsAsynchronously);
            remote.Pending = pending;
            replaces = remote.LastDropped;
        }

        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => DialAsync(remote, endpoint, pending, replaces), CancellationToken.None);
        }

        return new(pending.Task.WaitAsync(cancellationToken));
    }

    private async Task DialAsync(RemoteSilo remote, IPEndPoint endpoint, TaskCompletionSource<SiloConnection> pending, long replaces)
    {
        SiloConnection? connection = null;
        using var timeout = new CancellationTokenSource(Options.ConnectTimeout, _timeProvider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _shutdown.Token);
        try
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endpoint, stop.Token).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            connection = NewConnection(socket, outbound: true);
            var hello = HandshakeMessage.Hello(NewConnectionId(), replaces, LocalIdentity, remote.Identity);
            connection.SetPeer(hello.ConnectionId, remote.Identity);
            await connection.WriteHandshakeAsync(hello, stop.Token).ConfigureAwait(false);
            var answer = await connection.ReadHandshakeAsync(stop.Token).ConfigureAwait(false);
            if (answer.Kind == HandshakeKind.Refused)
            {
                throw new SiloConnectionException(remote.Identity, $"The silo at {endpoint} refused the connection: {answer.Reason}");
            }

            if (answer.Kind is not (HandshakeKind.Accepted or HandshakeKind.Duplicate) || answer.ConnectionId != hello.ConnectionId
                || !string.Equals(answer.Sender, remote.Identity, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"The silo at {endpoint} answered the handshake with {answer.Kind} from '{answer.Sender}' for connection {answer.ConnectionId}.");
            }

            if (answer.Kind == HandshakeKind.Duplicate)
            {
                // The peer's own connection to us wins the tie-break (or is already in use): wait for it.
                await connection.DisposeAsync().ConfigureAwait(false);
                connection = null;
                try
                {
                    await pending.Task.WaitAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !_shutdown.IsCancellationRequested)
                {
                    throw new TimeoutException($"Silo {remote.Identity} at {endpoint} answered that its own connection to this silo wins, but that connection did not arrive within {Options.ConnectTimeout} (Transport:ConnectTimeout).", e);
                }

                return;
            }

            (SiloConnection? Replaced, TaskCompletionSource<SiloConnection>? Waiting) registered;
            lock (remote.SyncRoot)
            {
                ObjectDisposedException.ThrowIf(IsDisposed, this);
                registered = RegisterLocked(remote, connection);
            }

            Watch(remote, connection);
            Activate(remote, connection, registered.Replaced, registered.Waiting);

            // Normally the callers of this attempt are the ones just released; if an accepted connection
            // released them first, the peer has since chosen this one and theirs is being replaced.
            pending.TrySetResult(connection);
        }
        catch (Exception e)
        {
            connection?.Abort();
            var error = e is OperationCanceledException && timeout.IsCancellationRequested && !_shutdown.IsCancellationRequested
                ? new TimeoutException($"Connecting to silo {remote.Identity} at {endpoint} took longer than {Options.ConnectTimeout} (Transport:ConnectTimeout).", e)
                : e;
            Fail(remote, endpoint, pending, error);
        }
    }

    private void Fail(RemoteSilo remote, IPEndPoint endpoint, TaskCompletionSource<SiloConnection> pending, Exception error)
    {
        int failures;
        TimeSpan delay;
        DateTimeOffset retryAt;
        lock (remote.SyncRoot)
        {
            if (ReferenceEquals(remote.Pending, pending))
            {
                remote.Pending = null;
            }

            if (pending.Task.IsCompleted)
            {
                // The peer's connection arrived meanwhile: the silo is reachable after all.
                return;
            }

            failures = ++remote.Failures;
            delay = BackoffDelay(failures);
            retryAt = _timeProvider.GetUtcNow() + delay;
            remote.RetryAt = retryAt;
            remote.LastError = error;
        }

        _metrics?.ConnectFailed();
        TransportLog.ConnectFailed(_logger, remote.Identity, endpoint, failures, delay, error);
        pending.TrySetException(new SiloConnectionException(
            remote.Identity,
            $"Connecting to silo {remote.Identity} at {endpoint} failed: {error.Message}",
            error,
            retryAt));
    }

    /// <summary>Initial, doubling per further failure, capped at the maximum.</summary>
    private TimeSpan BackoffDelay(int failures)
    {
        var ticks = Options.ReconnectBackoffInitial.Ticks * Math.Pow(2, Math.Min(failures - 1, 62));
        return ticks >= Options.ReconnectBackoffMax.Ticks ? Options.ReconnectBackoffMax : TimeSpan.FromTicks((long)ticks);
    }
}

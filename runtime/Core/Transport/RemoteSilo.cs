namespace OrderEngine.Runtime.Transport;

/// <summary>
/// What a <see cref="ConnectionManager"/> knows about one remote silo: the connection in use, the
/// connection attempt in progress, and the backoff after failed attempts. Mutated under
/// <see cref="SyncRoot"/>; <see cref="Connection"/> is also read without it on the fast path.
/// </summary>
internal sealed class RemoteSilo(string identity)
{
    private SiloConnection? _connection;

    public Lock SyncRoot { get; } = new();

    public string Identity { get; } = identity;

    /// <summary>The connection both silos use, once its handshake has completed; null when there is none.</summary>
    public SiloConnection? Connection
    {
        get => Volatile.Read(ref _connection);
        set => Volatile.Write(ref _connection, value);
    }

    /// <summary>Callers waiting for a connection; completed by our own dial or by the peer's, whichever the tie-break keeps.</summary>
    public TaskCompletionSource<SiloConnection>? Pending { get; set; }

    /// <summary>The id of the last connection with this silo that this side stopped using (0 for none); sent in the hello so the peer can replace it.</summary>
    public long LastDropped { get; set; }

    /// <summary>Failed connection attempts since the last success.</summary>
    public int Failures { get; set; }

    /// <summary>No attempt before this time when <see cref="Failures"/> is not 0.</summary>
    public DateTimeOffset RetryAt { get; set; }

    public Exception? LastError { get; set; }

    /// <summary>Under the lock: forgets <paramref name="connection"/> if it is the one in use.</summary>
    public void DropLocked(SiloConnection connection)
    {
        if (ReferenceEquals(Connection, connection))
        {
            Connection = null;
            LastDropped = connection.Id;
        }
    }
}

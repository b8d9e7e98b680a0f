namespace OrderEngine.Runtime.Transport;

/// <summary>
/// A silo could not be reached or a frame could not be sent to it: the connection is closed, its
/// send queue is full, connecting failed, or connecting is backing off after failures.
/// </summary>
public sealed class SiloConnectionException : IOException
{
    public SiloConnectionException(string remoteIdentity, string message, Exception? innerException = null, DateTimeOffset? retryAt = null)
        : base(message, innerException)
    {
        RemoteIdentity = remoteIdentity;
        RetryAt = retryAt;
    }

    /// <summary>The silo that could not be reached.</summary>
    public string RemoteIdentity { get; }

    /// <summary>When connecting failed: the earliest time the next attempt is made (calls before fail at once).</summary>
    public DateTimeOffset? RetryAt { get; }
}

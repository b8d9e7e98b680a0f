namespace OrderEngine.Runtime.Transport;

/// <summary>The handshake frames: the dialer's hello and the acceptor's answer.</summary>
internal enum HandshakeKind : byte
{
    /// <summary>Dialer to acceptor: who I am, whom I want, the connection's id, and the id of the last connection to you I dropped.</summary>
    Hello = 1,

    /// <summary>Acceptor to dialer: this connection is the one both of us use.</summary>
    Accepted = 2,

    /// <summary>Acceptor to dialer: a connection of ours already wins the tie-break; wait for (or keep using) that one.</summary>
    Duplicate = 3,

    /// <summary>Acceptor to dialer: no (wrong silo at this address, shutting down, or a malformed hello); the reason says why.</summary>
    Refused = 4,
}

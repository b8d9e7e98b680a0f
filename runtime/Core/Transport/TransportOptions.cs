namespace OrderEngine.Runtime.Transport;

/// <summary>Settings of the silo-to-silo TCP transport; bound from the "Transport" configuration section.</summary>
public sealed class TransportOptions
{
    public const string SectionName = "Transport";

    /// <summary>The largest frame payload accepted or sent; a peer announcing a larger frame is a protocol error that closes the connection.</summary>
    public int MaxFrameSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>How long a connection attempt (TCP connect plus handshake) may take, and how long an accepted socket may take to say who it is.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before the first retry after a failed connection attempt to a silo; it doubles per further failure.</summary>
    public TimeSpan ReconnectBackoffInitial { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest wait between connection attempts to a silo.</summary>
    public TimeSpan ReconnectBackoffMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A graceful close waits this long for queued frames to be written and the peer to close its side, then closes abruptly.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Frames queued on one connection and not yet written; sending beyond this fails (a peer that stopped reading cannot take all memory).</summary>
    public int SendQueueLimit { get; set; } = 1_000_000;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameSize, 1, nameof(MaxFrameSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReconnectBackoffInitial, TimeSpan.Zero, nameof(ReconnectBackoffInitial));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectBackoffMax, ReconnectBackoffInitial, nameof(ReconnectBackoffMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(CloseTimeout, TimeSpan.Zero, nameof(CloseTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(SendQueueLimit, 1, nameof(SendQueueLimit));
    }
}

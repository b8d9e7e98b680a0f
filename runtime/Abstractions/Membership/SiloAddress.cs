using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OrderEngine.Runtime.Membership;

/// <summary>
/// One start of one silo process: the endpoint it listens on plus a <see cref="Generation"/> (the ticks of
/// its start time), so a silo restarted on the same port is a different silo. Written as
/// <c>host:port@generation</c>; ordered by host (ordinal), port, then generation.
/// </summary>
public sealed record SiloAddress(string Host, int Port, long Generation) : IComparable<SiloAddress>
{
    /// <summary>The host name or IP address other silos connect to; not empty.</summary>
    public string Host { get; init => field = CheckHost(value); } = CheckHost(Host);

    /// <summary>The silo-to-silo port, 0 to 65535.</summary>
    public int Port { get; init => field = CheckPort(value); } = CheckPort(Port);

    /// <summary>Reads <c>host:port@generation</c>, as written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a silo address.</exception>
    public static SiloAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not a silo address (host:port@generation).");

    /// <summary>Reads <c>host:port@generation</c>; false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SiloAddress? address)
    {
        address = null;
        var at = text?.LastIndexOf('@') ?? -1;
        if (at < 0)
        {
            return false;
        }

        var colon = text!.LastIndexOf(':', at);
        if (colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > 65535
            || !long.TryParse(text.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var generation))
        {
            return false;
        }

        address = new SiloAddress(text[..colon], port, generation);
        return true;
    }

    public int CompareTo(SiloAddress? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byHost = string.CompareOrdinal(Host, other.Host);
        if (byHost != 0)
        {
            return byHost;
        }

        var byPort = Port.CompareTo(other.Port);
        return byPort != 0 ? byPort : Generation.CompareTo(other.Generation);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}@{Generation}");

    public static bool operator <(SiloAddress? left, SiloAddress? right) => Compare(left, right) < 0;

    public static bool operator <=(SiloAddress? left, SiloAddress? right) => Compare(left, right) <= 0;

    public static bool operator >(SiloAddress? left, SiloAddress? right) => Compare(left, right) > 0;

    public static bool operator >=(SiloAddress? left, SiloAddress? right) => Compare(left, right) >= 0;

    private static string CheckHost(string host)
    {
        ArgumentException.ThrowIfNullOrEmpty(host, nameof(Host));
        return host;
    }

    private static int CheckPort(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535, nameof(Port));
        return port;
    }

    private static int Compare(SiloAddress? left, SiloAddress? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}

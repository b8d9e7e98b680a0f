using System.Collections.Immutable;

namespace OrderEngine.Runtime.Membership;

/// <summary>
/// What the membership table knows about one silo: one row per <see cref="SiloAddress"/>. Changed with
/// <c>with</c> expressions and written back through <see cref="IMembershipTable.TryUpdateAsync"/>.
/// Equality is by value, <see cref="Suspicions"/> included (compared element by element, in order).
/// </summary>
public sealed record MembershipEntry
{
    /// <summary>The silo this row is about (the row's key).</summary>
    public required SiloAddress Silo { get; init; }

    public required SiloStatus Status { get; init; }

    /// <summary>The silo's configured name, for people.</summary>
    public required string SiloName { get; init; }

    /// <summary>The machine (or pod) the silo runs on.</summary>
    public required string HostName { get; init; }

    /// <summary>The silo's HTTP API address for operators (e.g. <c>http://10.0.0.5:8080</c>); null when it serves none.</summary>
    public string? HttpAddress { get; init; }

    /// <summary>When the silo process started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The silo's last "I am alive" heartbeat.</summary>
    public required DateTimeOffset IAmAliveAt { get; init; }

    /// <summary>Votes of other silos that this one is dead, oldest first; never default (assigning default stores empty).</summary>
    public ImmutableArray<SuspectVote> Suspicions
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];

    public bool Equals(MembershipEntry? other) =>
        other is not null
        && Silo == other.Silo
        && Status == other.Status
        && string.Equals(SiloName, other.SiloName, StringComparison.Ordinal)
        && string.Equals(HostName, other.HostName, StringComparison.Ordinal)
        && string.Equals(HttpAddress, other.HttpAddress, StringComparison.Ordinal)
        && StartedAt == other.StartedAt
        && IAmAliveAt == other.IAmAliveAt
        && Suspicions.SequenceEqual(other.Suspicions);

    public override int GetHashCode() => HashCode.Combine(Silo, Status, SiloName, HostName, HttpAddress, StartedAt, IAmAliveAt, Suspicions.Length);
}

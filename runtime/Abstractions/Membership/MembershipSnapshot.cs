using System.Collections.Immutable;

namespace OrderEngine.Runtime.Membership;

/// <summary>
/// The rows of one cluster, ordered by <see cref="SiloAddress"/>, and the table <paramref name="Version"/>
/// they were read at, read consistently. A write based on this snapshot passes the version back as the
/// expected version. Equality is by value (rows compared element by element).
/// </summary>
public sealed record MembershipSnapshot(ImmutableArray<MembershipRow> Rows, long Version)
{
    /// <summary>The rows, ordered by silo address; never default (assigning default stores empty).</summary>
    public ImmutableArray<MembershipRow> Rows { get; init => field = value.IsDefault ? [] : value; } = Rows.IsDefault ? [] : Rows;

    /// <summary>The row of <paramref name="silo"/>, or null when the table has none.</summary>
    public MembershipRow? Find(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        foreach (var row in Rows)
        {
            if (row.Entry.Silo == silo)
            {
                return row;
            }
        }

        return null;
    }

    public bool Equals(MembershipSnapshot? other) => other is not null && Version == other.Version && Rows.SequenceEqual(other.Rows);

    public override int GetHashCode() => HashCode.Combine(Version, Rows.Length);
}

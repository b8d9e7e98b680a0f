using System.Collections.Immutable;
using OrderEngine.Runtime.Membership;

namespace OrderEngine.Runtime.Cluster;

/// <summary>
/// One silo's view of the cluster at one membership table version: every member row, and the placement
/// ring over the Active ones. Immutable; a new view replaces it when the table changes. Silos that read
/// the same table version compute the same owner for every grain.
/// </summary>
public sealed class ClusterView
{
    private readonly ConsistentHashRing _ring;

    internal ClusterView(SiloAddress self, long version, ImmutableArray<MembershipEntry> members, int virtualNodes)
    {
        Self = self;
        Version = version;
        Members = members;
        ActiveSilos = [.. members.Where(m => m.Status == SiloStatus.Active).Select(m => m.Silo).Order()];
        _ring = new ConsistentHashRing(ActiveSilos, virtualNodes);
    }

    /// <summary>A view of a silo that has not read the table yet: it knows only itself, not yet Active.</summary>
    internal static ClusterView Initial(SiloAddress self, int virtualNodes) => new(self, -1, [], virtualNodes);

    public SiloAddress Self { get; }

    /// <summary>The membership table version this view was read at (-1 before the first read).</summary>
    public long Version { get; }

    public ImmutableArray<MembershipEntry> Members { get; }

    /// <summary>The silos that own grains, ordered.</summary>
    public ImmutableArray<SiloAddress> ActiveSilos { get; }

    public bool IsSelfActive => ActiveSilos.Contains(Self);

    /// <summary>The silo that owns <paramref name="grainId"/> in this view; null while no silo is Active.</summary>
    public SiloAddress? OwnerOf(GrainId grainId) => _ring.OwnerOf(grainId);

    public SiloStatus StatusOf(SiloAddress silo) => Members.FirstOrDefault(m => m.Silo == silo)?.Status ?? SiloStatus.None;

    /// <summary>The reminder-table hash ranges this silo owns.</summary>
    internal IReadOnlyList<(uint Begin, uint End)> OwnedRanges => _ring.RangesOf(Self);

    public override string ToString() => $"view {Version}: {string.Join(", ", Members.Select(m => $"{m.Silo} {m.Status}"))}";
}

using OrderEngine.Runtime.Cluster;
using OrderEngine.Runtime.Membership;
using Xunit;

namespace OrderEngine.Runtime.Tests.Cluster;

public sealed class ConsistentHashRingTests
{
    private static readonly SiloAddress A = new("10.0.0.1", 11111, 1);
    private static readonly SiloAddress B = new("10.0.0.2", 11111, 1);
    private static readonly SiloAddress C = new("10.0.0.3", 11111, 1);
    private static readonly SiloAddress D = new("10.0.0.4", 11111, 1);

    private static readonly GrainId[] Grains = [.. Enumerable.Range(0, 20_000).Select(i => new GrainId("order", $"o-{i}"))];

    [Fact]
    public void Every_silo_computes_the_same_owner_whatever_order_it_lists_the_silos_in()
    {
        var one = new ConsistentHashRing([A, B, C], 64);
        var other = new ConsistentHashRing([C, A, B, A], 64);

        Assert.All(Grains, grain => Assert.Equal(one.OwnerOf(grain), other.OwnerOf(grain)));
    }

    [Fact]
    public void Shares_are_even_within_a_quarter_and_a_new_silo_takes_grains_only_from_the_others()
    {
        var three = new ConsistentHashRing([A, B, C], 64);
        var four = new ConsistentHashRing([A, B, C, D], 64);

        var shares = Grains.GroupBy(three.OwnerOf).ToDictionary(g => g.Key!, g => g.Count());
        Assert.All(shares.Values, share => Assert.InRange(share, Grains.Length / 3 * 3 / 4, Grains.Length / 3 * 5 / 4));

        var moved = Grains.Where(g => three.OwnerOf(g) != four.OwnerOf(g)).ToArray();
        Assert.All(moved, grain => Assert.Equal(D, four.OwnerOf(grain)));
        Assert.InRange(moved.Length, Grains.Length / 4 * 3 / 4, Grains.Length / 4 * 5 / 4);
    }

    [Fact]
    public void The_hash_ranges_of_all_silos_cover_each_hash_exactly_once_and_match_ownership()
    {
        var ring = new ConsistentHashRing([A, B, C], 16);
        foreach (var grain in Grains.Take(2_000))
        {
            var hash = grain.GetUniformHashCode();
            var holders = ring.Silos.Where(silo => ring.RangesOf(silo).Any(range => Contains(range, hash))).ToArray();
            Assert.Equal([ring.OwnerOf(hash)!], holders);
        }
    }

    [Fact]
    public void An_empty_ring_has_no_owner_and_a_single_silo_owns_the_whole_ring()
    {
        Assert.Null(new ConsistentHashRing([], 64).OwnerOf(Grains[0]));
        var alone = new ConsistentHashRing([A], 64);
        Assert.Equal([(0u, 0u)], alone.RangesOf(A));
        Assert.All(Grains.Take(100), grain => Assert.Equal(A, alone.OwnerOf(grain)));
    }

    private static bool Contains((uint Begin, uint End) range, uint hash) =>
        range.Begin < range.End ? hash > range.Begin && hash <= range.End : hash > range.Begin || hash <= range.End;
}

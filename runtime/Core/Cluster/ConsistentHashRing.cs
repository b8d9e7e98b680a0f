using OrderEngine.Runtime.Membership;

namespace OrderEngine.Runtime.Cluster;

/// <summary>
/// Maps a grain's uniform hash to the silo that owns it: each silo takes <c>virtualNodes</c> points on a
/// 32-bit ring, and a grain belongs to the first point at or after its hash (wrapping). Every silo that
/// holds the same set of silos computes the same owner, with no directory look-up; adding or removing a
/// silo moves only the grains between its points and their predecessors, about 1/N of them.
/// </summary>
internal sealed class ConsistentHashRing
{
    private readonly uint[] _points;
    private readonly SiloAddress[] _owners;

    public ConsistentHashRing(IEnumerable<SiloAddress> silos, int virtualNodes)
    {
        ArgumentNullException.ThrowIfNull(silos);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualNodes, 1);
        Silos = [.. silos.Distinct().Order()];
        var points = new List<(uint Point, SiloAddress Silo)>(Silos.Count * virtualNodes);
        foreach (var silo in Silos)
        {
            var name = silo.ToString();
            for (var i = 0; i < virtualNodes; i++)
            {
                points.Add((StableHash.Of($"{name}#{i}"), silo));
            }
        }

        // Ties (two silos on one point) break by address, so every silo sorts them the same way.
        points.Sort(static (a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Silo.CompareTo(b.Silo));
        _points = [.. points.Select(p => p.Point)];
        _owners = [.. points.Select(p => p.Silo)];
    }

    /// <summary>The silos on the ring, ordered.</summary>
    public IReadOnlyList<SiloAddress> Silos { get; }

    /// <summary>The owner of <paramref name="hash"/>, or null for an empty ring.</summary>
    public SiloAddress? OwnerOf(uint hash)
    {
        if (_points.Length == 0)
        {
            return null;
        }

        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return _owners[index == _points.Length ? 0 : index];
    }

    public SiloAddress? OwnerOf(GrainId grainId) => OwnerOf(grainId.GetUniformHashCode());

    /// <summary>
    /// The hash ranges <paramref name="silo"/> owns, as (exclusive start, inclusive end] pairs like the
    /// reminder table's ranges; a range with start &gt;= end wraps past zero.
    /// </summary>
    public IReadOnlyList<(uint Begin, uint End)> RangesOf(SiloAddress silo)
    {
        var ranges = new List<(uint, uint)>();
        if (_points.Length == 0)
        {
            return ranges;
        }

        if (Silos.Count == 1)
        {
            ranges.Add((0u, 0u)); // The whole ring.
            return ranges;
        }

        for (var i = 0; i < _points.Length; i++)
        {
            if (_owners[i] == silo)
            {
                var previous = _points[i == 0 ? _points.Length - 1 : i - 1];
                if (previous != _points[i])
                {
                    ranges.Add((previous, _points[i]));
                }
            }
        }

        return ranges;
    }
}

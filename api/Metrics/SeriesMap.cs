using System.Collections.Concurrent;

namespace OrderEngine.Api.Metrics;

/// <summary>
/// The series of one metric, keyed by tag set. The hot path (a tag set seen before) is a lookup by
/// the measurement's own span of tags: no allocation, no lock. A measurement without tags skips
/// the dictionary altogether.
/// </summary>
internal sealed class SeriesMap<TCell>
    where TCell : class
{
    private readonly ConcurrentDictionary<TagSet, TCell> _tagged = new(TagSetComparer.Instance);
    private readonly ConcurrentDictionary<TagSet, TCell>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _byTags;
    private readonly Func<TCell> _create;
    private readonly int _maxSeries;
    private TCell? _untagged;
    private int _taggedCount;

    public SeriesMap(Func<TCell> create, int maxSeries)
    {
        _create = create;
        _maxSeries = maxSeries;
        _byTags = _tagged.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    }

    public TCell Get(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return Volatile.Read(ref _untagged) ?? CreateUntagged();
        }

        return _byTags.TryGetValue(tags, out var cell) ? cell : Add(tags);
    }

    /// <summary>Forgets every series (observable instruments report afresh at each scrape).</summary>
    public void Clear()
    {
        _tagged.Clear();
        Volatile.Write(ref _untagged, null);
        Volatile.Write(ref _taggedCount, 0);
    }

    /// <summary>The series with their label text, ordered by it (ordinal).</summary>
    public List<KeyValuePair<string, TCell>> Snapshot()
    {
        var series = new List<KeyValuePair<string, TCell>>();
        if (Volatile.Read(ref _untagged) is { } untagged)
        {
            series.Add(new(string.Empty, untagged));
        }

        foreach (var (tags, cell) in _tagged)
        {
            series.Add(new(tags.Labels, cell));
        }

        series.Sort(static (left, right) => string.CompareOrdinal(left.Key, right.Key));
        return series;
    }

    private TCell CreateUntagged()
    {
        var cell = _create();
        return Interlocked.CompareExchange(ref _untagged, cell, null) ?? cell;
    }

    private TCell Add(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Volatile.Read(ref _taggedCount) >= _maxSeries)
        {
            return _tagged.GetOrAdd(TagSet.Overflow, static (_, create) => create(), _create);
        }

        var cell = _create();
        if (_byTags.TryAdd(tags, cell))
        {
            Interlocked.Increment(ref _taggedCount);
            return cell;
        }

        // Another thread added the same tag set first.
        return _byTags.TryGetValue(tags, out var existing) ? existing : cell;
    }
}

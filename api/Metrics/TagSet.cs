using System.Text;

namespace OrderEngine.Api.Metrics;

/// <summary>
/// The tags of one series, as recorded. Equality ignores order: a Counter.Add with (a, b) and one
/// with (b, a) land in the same series. Its label text is built once, at the first scrape.
/// </summary>
internal sealed class TagSet
{
    /// <summary>The series that takes measurements of new tag sets once an instrument has too many.</summary>
    public static readonly TagSet Overflow = new([new("otel_metric_overflow", true)]);

    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly int _hash;
    private string? _labels;

    private TagSet(KeyValuePair<string, object?>[] tags)
    {
        _tags = tags;
        _hash = Hash(tags);
    }

    /// <summary>Label text such as <c>a="1",b="x"</c>: names sanitised and sorted, values escaped.</summary>
    public string Labels => _labels ??= FormatLabels(_tags);

    public static TagSet Copy(ReadOnlySpan<KeyValuePair<string, object?>> tags) => new(tags.ToArray());

    /// <summary>A hash that does not depend on the order of the tags.</summary>
    public static int Hash(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = tags.Length;
        foreach (var tag in tags)
        {
            hash += HashCode.Combine(tag.Key, tag.Value);
        }

        return hash;
    }

    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != _tags.Length)
        {
            return false;
        }

        if (tags.Length == 1)
        {
            return Same(tags[0], _tags[0]);
        }

        foreach (var tag in tags)
        {
            if (!Contains(_tags, tag))
            {
                return false;
            }
        }

        // Both directions, so that (a, a) and (a, b) differ although each tag of one is in the other.
        foreach (var tag in _tags)
        {
            if (!Contains(tags, tag))
            {
                return false;
            }
        }

        return true;
    }

    public bool Matches(TagSet other) => other._hash == _hash && Matches(other._tags);

    public override int GetHashCode() => _hash;

    public override bool Equals(object? obj) => obj is TagSet other && Matches(other);

    private static bool Contains(ReadOnlySpan<KeyValuePair<string, object?>> tags, KeyValuePair<string, object?> tag)
    {
        foreach (var candidate in tags)
        {
            if (Same(candidate, tag))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Same(KeyValuePair<string, object?> left, KeyValuePair<string, object?> right) =>
        string.Equals(left.Key, right.Key, StringComparison.Ordinal) && Equals(left.Value, right.Value);

    private static string FormatLabels(KeyValuePair<string, object?>[] tags)
    {
        var labels = tags
            .Select(tag => (Name: PrometheusNames.LabelName(tag.Key), Value: PrometheusNames.FormatTagValue(tag.Value)))
            .OrderBy(label => label.Name, StringComparer.Ordinal)
            .DistinctBy(label => label.Name);
        var builder = new StringBuilder();
        foreach (var (name, value) in labels)
        {
            builder.Append(builder.Length == 0 ? string.Empty : ",").Append(name).Append("=\"").Append(PrometheusNames.EscapeLabelValue(value)).Append('"');
        }

        return builder.ToString();
    }
}

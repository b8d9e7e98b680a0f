using System.Globalization;
using System.Text.Json.Serialization;

namespace OrderEngine.Runtime;

/// <summary>
/// The identity of a grain: its grain type name and its key, both strings. Guid keys are stored in
/// "N" format and integer keys in invariant decimal, so every key kind routes the same way.
/// </summary>
[JsonConverter(typeof(GrainIdJsonConverter))]
public readonly struct GrainId : IEquatable<GrainId>
{
    private readonly int _hash;

    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
        _hash = HashCode.Combine(StringComparer.Ordinal.GetHashCode(type), StringComparer.Ordinal.GetHashCode(key));
    }

    public string Type { get; }

    public string Key { get; }

    public bool IsDefault => Type is null;

    public static GrainId Create(string type, Guid key) => new(type, key.ToString("N"));

    public static GrainId Create(string type, long key) => new(type, key.ToString(CultureInfo.InvariantCulture));

    /// <summary>Parses the <c>type/key</c> form produced by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        }

        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    /// <summary>
    /// A hash that is the same in every process and on every machine (FNV-1a over the UTF-16 code
    /// units of type, '/', key). Placement and reminder ranges use it; it never changes between versions.
    /// </summary>
    public uint GetUniformHashCode()
    {
        const uint offset = 2166136261;
        const uint prime = 16777619;
        var hash = offset;
        foreach (var c in Type)
        {
            hash = (hash ^ c) * prime;
        }

        hash = (hash ^ '/') * prime;
        foreach (var c in Key)
        {
            hash = (hash ^ c) * prime;
        }

        // Final avalanche so that keys differing only in their last characters spread over the ring.
        hash ^= hash >> 16;
        hash *= 0x7feb352d;
        hash ^= hash >> 15;
        hash *= 0x846ca68b;
        hash ^= hash >> 16;
        return hash;
    }

    public Guid GetGuidKey() => Guid.ParseExact(Key, "N");

    public long GetIntegerKey() => long.Parse(Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public bool Equals(GrainId other) =>
        _hash == other._hash && string.Equals(Type, other.Type, StringComparison.Ordinal) && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString() => $"{Type}/{Key}";

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}

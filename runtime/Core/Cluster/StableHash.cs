namespace OrderEngine.Runtime.Cluster;

/// <summary>
/// A string hash that is the same in every process and version (FNV-1a with a final avalanche, like
/// <see cref="GrainId.GetUniformHashCode"/>), for points on the placement ring.
/// </summary>
internal static class StableHash
{
    public static uint Of(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 16;
        hash *= 0x7feb352d;
        hash ^= hash >> 15;
        hash *= 0x846ca68b;
        hash ^= hash >> 16;
        return hash;
    }
}

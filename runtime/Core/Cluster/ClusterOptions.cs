namespace OrderEngine.Runtime.Cluster;

/// <summary>
/// Cluster membership and silo-to-silo settings; the "Cluster" configuration section. With
/// <see cref="Enabled"/> false (the default) the silo runs alone and owns every grain.
/// </summary>
/// <remarks>
/// The defaults find a crashed silo in about 3–5 s: it misses <see cref="MissedProbesToSuspect"/> probes
/// one <see cref="ProbeInterval"/> apart, each silo that noticed votes, <see cref="VotesToDeclareDead"/>
/// votes declare it dead, and the others read that within one <see cref="TableRefreshInterval"/>.
/// </remarks>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    public bool Enabled { get; set; }

    /// <summary>Separates clusters that share one membership table.</summary>
    public string ClusterId { get; set; } = "default";

    /// <summary>The address other silos use to reach this one.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>The silo-to-silo port; 0 lets the operating system choose (tests).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>This silo's HTTP address for operators (shown by /admin/cluster), if it serves HTTP.</summary>
    public string? HttpAddress { get; set; }

    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A probe without an answer after this long counts as missed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive missed probes after which this silo votes the target dead.</summary>
    public int MissedProbesToSuspect { get; set; } = 3;

    /// <summary>Votes (from different silos) that declare a silo dead; fewer when fewer silos could vote.</summary>
    public int VotesToDeclareDead { get; set; } = 2;

    /// <summary>A vote older than this no longer counts.</summary>
    public TimeSpan VoteExpiration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each silo reads the membership table.</summary>
    public TimeSpan TableRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each silo writes its IAmAlive time (for operators and cleanup; liveness is probed).</summary>
    public TimeSpan IAmAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Dead silos' rows are deleted once their last IAmAlive is older than this.</summary>
    public TimeSpan DefunctExpiration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Points each silo takes on the placement ring: more points, a more even share.</summary>
    public int VirtualNodesPerSilo { get; set; } = 64;

    /// <summary>How many times a call that reached a silo which no longer owns its grain is handed on.</summary>
    public int MaxForwards { get; set; } = 3;
}

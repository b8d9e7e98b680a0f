namespace OrderEngine.Runtime.Membership;

/// <summary>Settings shared by the membership table providers.</summary>
public sealed class MembershipTableOptions
{
    /// <summary>The cluster id used when none is configured.</summary>
    public const string DefaultClusterId = "default";

    /// <summary>
    /// The cluster whose rows and version this table reads and writes. Several clusters (or test runs) can
    /// share one database without seeing each other's silos.
    /// </summary>
    public string ClusterId { get; set; } = DefaultClusterId;
}

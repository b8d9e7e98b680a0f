namespace OrderEngine.Grains.Admin;

/// <summary>
/// Scaling hints (configuration section "Scaling"). CPU thresholds follow the OrdersService runbook's
/// cpu_usage alert (warning above 70%, critical above 85%); the target is the CPU a silo should run at.
/// </summary>
public sealed class ScalingOptions
{
    public const string SectionName = "Scaling";

    public double TargetCpuPercent { get; set; } = 70;

    public double WarningCpuPercent { get; set; } = 70;

    public double CriticalCpuPercent { get; set; } = 85;

    /// <summary>Below this CPU a smaller cluster is advised (when it would still stay under the target).</summary>
    public double ScaleInBelowCpuPercent { get; set; } = 35;

    /// <summary>Activations one silo should carry at most (memory); 0 = not considered.</summary>
    public int MaxActivationsPerSilo { get; set; } = 1_000_000;

    /// <summary>Grain calls per second one silo should carry at most; 0 = not considered.</summary>
    public double MaxCallsPerSecondPerSilo { get; set; }

    public int MinSilos { get; set; } = 1;

    public int MaxSilos { get; set; } = 64;
}

namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>
/// One silo's load over the interval since the previous reading (or since it started) and the advice:
/// activations, calls per second, CPU percent of all cores, the recommended silo count and why.
/// </summary>
public sealed record ScalingHint(
    string SiloName,
    DateTimeOffset At,
    TimeSpan Interval,
    int Activations,
    double CallsPerSecond,
    double CpuPercent,
    long WorkingSetBytes,
    int CurrentSilos,
    int RecommendedSilos,
    ScalingAction Action,
    string Reason);

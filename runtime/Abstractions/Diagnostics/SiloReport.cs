namespace OrderEngine.Runtime.Diagnostics;

/// <summary>
/// One silo as an operator sees it: where it is, its membership status, and its load (null when it did
/// not answer). Rates cover the time since the previous report of the same silo, or since it started.
/// </summary>
public sealed record SiloReport(
    string Address,
    string SiloName,
    string Status,
    DateTimeOffset StartedAt,
    string? HttpAddress,
    bool Reachable,
    DateTimeOffset? ReadAt,
    TimeSpan? Interval,
    int? Activations,
    double? CallsPerSecond,
    double? CpuPercent,
    long? WorkingSetBytes);

namespace OrderEngine.Runtime.Diagnostics;

/// <summary>A point-in-time reading of one silo's load; rates come from the difference of two readings.</summary>
public sealed record SiloStatistics(
    string SiloName,
    DateTimeOffset StartedAt,
    DateTimeOffset Timestamp,
    int Activations,
    long CallsTotal,
    TimeSpan ProcessorTime,
    int ProcessorCount,
    long WorkingSetBytes);

namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>
/// Whether maintenance mode is on, the operator's message (null when off), who changed it last and when
/// (null before the first change), and a version that grows with every change (for caches).
/// </summary>
public sealed record MaintenanceStatus(bool MaintenanceMode, string? Message, string? ChangedBy, DateTimeOffset? ChangedAt, long Version);

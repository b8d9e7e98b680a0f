namespace OrderEngine.Grains.Admin;

/// <summary>Maintenance mode as stored.</summary>
public sealed record MaintenanceState
{
    public bool MaintenanceMode { get; init; }

    public string? Message { get; init; }

    public string? ChangedBy { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }

    public long Version { get; init; }
}

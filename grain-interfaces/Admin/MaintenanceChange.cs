namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>An operator's request: on or off, the message new orders are refused with, and who asks.</summary>
public sealed record MaintenanceChange(bool MaintenanceMode, string? Message, string ChangedBy);

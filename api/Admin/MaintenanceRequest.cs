namespace OrderEngine.Api.Admin;

/// <summary><c>POST /admin/maintenance</c>: <c>{"maintenanceMode": true, "message": "Scheduled maintenance"}</c> (seed 000).</summary>
public sealed record MaintenanceRequest(bool? MaintenanceMode, string? Message);

namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>Maintenance mode of the order service: one grain under <see cref="MaintenanceGrainKeys.Global"/>; persistent.</summary>
public interface IMaintenanceGrain : IGrainWithStringKey
{
    /// <summary>Switches maintenance mode on or off (the seed's <c>{"maintenanceMode": true, "message": "..."}</c>).</summary>
    Task<MaintenanceStatus> Set(MaintenanceChange change);

    Task<MaintenanceStatus> Get();
}

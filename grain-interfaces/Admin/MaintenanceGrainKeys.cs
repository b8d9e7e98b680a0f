namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>The well-known key of the maintenance grain.</summary>
public static class MaintenanceGrainKeys
{
    public const string Global = "global";
}

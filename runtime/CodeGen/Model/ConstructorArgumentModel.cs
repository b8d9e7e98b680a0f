namespace OrderEngine.Runtime.CodeGen.Model;

/// <summary>How the grain factory obtains one constructor argument from the activation context.</summary>
/// <param name="Type">The service type, or the state type for persistent state.</param>
/// <param name="StateName">C# literal of the state name, or null for a service.</param>
/// <param name="StorageName">C# literal of the storage name, or null for a service.</param>
internal sealed record ConstructorArgumentModel(string Type, string? StateName, string? StorageName)
{
    public bool IsPersistentState => StateName is not null;
}

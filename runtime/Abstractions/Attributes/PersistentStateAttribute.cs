namespace OrderEngine.Runtime;

/// <summary>On a grain constructor parameter of type <c>IPersistentState&lt;T&gt;</c>: the state's name and the storage provider that holds it.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string storageName) : Attribute
{
    public string StateName { get; } = stateName;

    public string StorageName { get; } = storageName;
}

namespace OrderEngine.Silo.Composition;

/// <summary>The grain storage names this silo registers on its configured provider.</summary>
public static class SiloStorageNames
{
    public const string Default = "default";

    public static IReadOnlyList<string> All { get; } = [Default];
}

using OrderEngine.Grains;

namespace OrderEngine.Silo.Composition;

/// <summary>The grain storage names this silo registers on its configured provider.</summary>
public static class SiloStorageNames
{
    public static IReadOnlyList<string> All { get; } = [OrderStorage.Name];
}

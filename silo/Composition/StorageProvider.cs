namespace OrderEngine.Silo.Composition;

/// <summary>The storage providers a silo can be configured with.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
    Memory,
}

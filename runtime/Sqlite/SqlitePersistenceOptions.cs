namespace OrderEngine.Runtime.Sqlite;

/// <summary>Settings of the embedded SQLite grain storage and reminder table.</summary>
public sealed class SqlitePersistenceOptions
{
    /// <summary>The default database file, relative to the working directory.</summary>
    public const string DefaultDatabasePath = "data/orderengine.db";

    /// <summary>The database file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = DefaultDatabasePath;

    /// <summary>Names under which a grain storage is registered (each a separate partition of one table).</summary>
    public IList<string> StorageNames { get; } = [];

    /// <summary>The most writes the writer loop commits in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 1000;
}

namespace OrderEngine.Silo.Composition;

/// <summary>Where grain state and reminders live; the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Sqlite (embedded default), Postgres, or Memory (nothing survives a restart).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string SqlitePath { get; set; } = "data/orderengine.db";

    /// <summary>Npgsql connection string, e.g. <c>Host=db;Database=orders;Username=orders;Maximum Pool Size=50</c>.</summary>
    public string PostgresConnectionString { get; set; } = string.Empty;

    /// <summary>Writer loops of the PostgreSQL write batcher: batches in flight at once (each holds one connection while busy).</summary>
    public int PostgresWriterConcurrency { get; set; } = 2;
}

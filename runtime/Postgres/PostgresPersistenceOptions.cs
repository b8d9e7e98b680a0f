namespace OrderEngine.Runtime.Postgres;

/// <summary>Settings of the PostgreSQL data source, grain storage and reminder table.</summary>
public sealed class PostgresPersistenceOptions
{
    /// <summary>Npgsql connection string (pool size and timeouts included); used only when no NpgsqlDataSource is registered yet.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Names under which a grain storage is registered (each a separate partition of one table).</summary>
    public IList<string> StorageNames { get; } = [];

    /// <summary>
    /// Connections this silo may hold, unless the connection string sets "Maximum Pool Size". Npgsql's
    /// own default (100) equals PostgreSQL's default max_connections: two silos would exhaust the server.
    /// Calls beyond the pool wait for a connection instead of failing.
    /// </summary>
    public int MaxPoolSize { get; set; } = 32;

    /// <summary>The most writes one batch (one round trip, one commit) carries.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>How many writer loops send batches concurrently (each holds one pooled connection while busy).</summary>
    public int WriterConcurrency { get; set; } = 2;
}

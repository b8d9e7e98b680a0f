using Npgsql;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Postgres.Operations;

namespace OrderEngine.Runtime.Postgres.Persistence;

/// <summary>
/// Grain state in PostgreSQL (payload and outbox as jsonb). Rows are partitioned by storage name and the
/// ETag is the row version, drawn from a database sequence on every insert and update, so it is never reused
/// for a key, not even after a clear. Writes and clears go through the silo's write batcher; reads use the shared data source.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage
{
    private readonly PostgresSchema _schema;
    private readonly PostgresWriteBatcher _batcher;

    internal PostgresGrainStorage(string storageName, NpgsqlDataSource dataSource, PostgresSchema schema, PostgresWriteBatcher batcher)
    {
        ArgumentException.ThrowIfNullOrEmpty(storageName);
        StorageName = storageName;
        DataSource = dataSource;
        _schema = schema;
        _batcher = batcher;
    }

    public string StorageName { get; }

    /// <summary>The process-wide data source this storage reads and writes through.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates the schema now instead of on first use.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _schema.EnsureCreatedAsync(cancellationToken);

    public async Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        await _schema.EnsureCreatedAsync(cancellationToken);
        await using var command = DataSource.CreateCommand(PostgresSql.ReadState);
        PostgresParameters.AddStateKey(command.Parameters, StorageName, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var outbox = await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetString(1);
        return new StoredGrainState(new GrainStateRecord(reader.GetString(0), outbox), ETagVersion.Format(reader.GetInt64(2)));
    }

    public async Task<string> WriteAsync(GrainStateKey key, GrainStateRecord record, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!TryParseExpected(expectedETag, out var version))
        {
            throw StateConflict.Create(StorageName, key, expectedETag, "write");
        }

        await _schema.EnsureCreatedAsync(cancellationToken);
        return await _batcher.WriteAsync(new PostgresStateWriteOperation(StorageName, key, record, expectedETag, version), cancellationToken);
    }

    public async Task ClearAsync(GrainStateKey key, string? expectedETag, CancellationToken cancellationToken)
    {
        if (!TryParseExpected(expectedETag, out var version))
        {
            throw StateConflict.Create(StorageName, key, expectedETag, "clear");
        }

        await _schema.EnsureCreatedAsync(cancellationToken);
        await _batcher.WriteAsync(new PostgresStateClearOperation(StorageName, key, expectedETag, version), cancellationToken);
    }

    public async Task<IReadOnlyList<GrainStateKey>> ListPendingOutboxAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await _schema.EnsureCreatedAsync(cancellationToken);
        await using var command = DataSource.CreateCommand(PostgresSql.PendingOutbox);
        command.Parameters.Add(PostgresParameters.Text(StorageName));
        command.Parameters.Add(PostgresParameters.Int64(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<GrainStateKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new GrainStateKey(reader.GetString(2), new GrainId(reader.GetString(0), reader.GetString(1))));
        }

        return keys;
    }

    private static bool TryParseExpected(string? expectedETag, out long version)
    {
        version = 0;
        return expectedETag is null || ETagVersion.TryParse(expectedETag, out version);
    }
}

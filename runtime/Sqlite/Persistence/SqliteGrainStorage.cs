using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Sqlite.Operations;

namespace OrderEngine.Runtime.Sqlite.Persistence;

/// <summary>
/// Grain state in the process's SQLite file. Rows are partitioned by storage name; the ETag is the row
/// version, taken on every write from the database-wide <see cref="SqliteVersionCounter"/>, so it is never
/// reused for a key, not even after a clear. Writes and clears go through the shared writer loop (group
/// commit); reads use pooled connections.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly SqliteDatabase _database;

    internal SqliteGrainStorage(string storageName, SqliteDatabase database)
    {
        ArgumentException.ThrowIfNullOrEmpty(storageName);
        StorageName = storageName;
        _database = database;
    }

    public string StorageName { get; }

    /// <summary>Creates the database file and schema now instead of on first use.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.EnsureInitializedAsync(cancellationToken);

    public async Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSql.ReadState;
        SqliteParameters.AddStateKey(command, StorageName, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var outbox = reader.IsDBNull(1) ? null : reader.GetString(1);
        return new StoredGrainState(new GrainStateRecord(reader.GetString(0), outbox), ETagVersion.Format(reader.GetInt64(2)));
    }

    public Task<string> WriteAsync(GrainStateKey key, GrainStateRecord record, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!TryParseExpected(expectedETag, out var version))
        {
            return Task.FromException<string>(StateConflict.Create(StorageName, key, expectedETag, "write"));
        }

        return _database.WriteAsync(new SqliteStateWriteOperation(StorageName, key, record, expectedETag, version), cancellationToken);
    }

    public Task ClearAsync(GrainStateKey key, string? expectedETag, CancellationToken cancellationToken)
    {
        if (!TryParseExpected(expectedETag, out var version))
        {
            return Task.FromException(StateConflict.Create(StorageName, key, expectedETag, "clear"));
        }

        return _database.WriteAsync(new SqliteStateClearOperation(StorageName, key, expectedETag, version), cancellationToken);
    }

    public async Task<IReadOnlyList<GrainStateKey>> ListPendingOutboxAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSql.PendingOutbox;
        command.Parameters.AddWithValue("$storage", StorageName);
        command.Parameters.AddWithValue("$limit", limit);
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

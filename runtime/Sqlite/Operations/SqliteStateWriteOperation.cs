using Microsoft.Data.Sqlite;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Sqlite.Operations;

/// <summary>Inserts (no expected ETag) or conditionally updates one grain state row, giving it a version never issued before.</summary>
internal sealed class SqliteStateWriteOperation(string storageName, GrainStateKey key, GrainStateRecord record, string? expectedETag, long expectedVersion)
    : SqliteWriteOperation<string>
{
    public override string Kind => "state.write";

    public override void Execute(SqliteConnection connection, SqliteTransaction transaction, SqliteVersionCounter versions)
    {
        using var command = CreateCommand(connection, transaction, expectedETag is null ? SqliteSql.InsertState : SqliteSql.UpdateState);
        SqliteParameters.AddStateKey(command, storageName, key);
        command.Parameters.AddWithValue("$payload", record.Payload);
        command.Parameters.AddWithValue("$outbox", (object?)record.Outbox ?? DBNull.Value);
        command.Parameters.AddWithValue("$newVersion", versions.Next());
        if (expectedETag is not null)
        {
            command.Parameters.AddWithValue("$version", expectedVersion);
        }

        if (command.ExecuteScalar() is long version)
        {
            SetResult(ETagVersion.Format(version));
        }
        else
        {
            SetConflict(string.Empty, StateConflict.Create(storageName, key, expectedETag, "write"));
        }
    }
}

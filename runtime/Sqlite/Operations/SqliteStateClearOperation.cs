using Microsoft.Data.Sqlite;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Sqlite.Operations;

/// <summary>
/// Deletes one grain state row if its version matches; with no expected ETag it only checks that no
/// row exists (clearing a missing record is a no-op, clearing an existing one without its ETag is a conflict).
/// </summary>
internal sealed class SqliteStateClearOperation(string storageName, GrainStateKey key, string? expectedETag, long expectedVersion)
    : SqliteWriteOperation<bool>
{
    public override string Kind => "state.clear";

    public override void Execute(SqliteConnection connection, SqliteTransaction transaction, SqliteVersionCounter versions)
    {
        using var command = CreateCommand(connection, transaction, expectedETag is null ? SqliteSql.StateExists : SqliteSql.DeleteState);
        SqliteParameters.AddStateKey(command, storageName, key);
        if (expectedETag is not null)
        {
            command.Parameters.AddWithValue("$version", expectedVersion);
        }

        var found = command.ExecuteScalar() is not null;
        if (found == (expectedETag is not null))
        {
            SetResult(true);
        }
        else
        {
            SetConflict(false, StateConflict.Create(storageName, key, expectedETag, "clear"));
        }
    }
}

using Microsoft.Data.Sqlite;

namespace OrderEngine.Runtime.Sqlite.Operations;

/// <summary>Runs one unconditional statement (or script) in the batch transaction; the caller gets the number of rows it changed.</summary>
internal sealed class SqliteCommandOperation(string kind, string sql, Action<SqliteCommand> bind) : SqliteWriteOperation<int>
{
    public override string Kind => kind;

    public override void Execute(SqliteConnection connection, SqliteTransaction transaction, SqliteVersionCounter versions)
    {
        using var command = CreateCommand(connection, transaction, sql);
        bind(command);
        SetResult(command.ExecuteNonQuery());
    }
}

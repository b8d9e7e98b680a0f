using Npgsql;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Postgres.Operations;

/// <summary>
/// Deletes one grain state row if its version matches; with no expected ETag it only checks that no
/// row exists (clearing a missing record is a no-op, clearing an existing one without its ETag is a conflict).
/// </summary>
internal sealed class PostgresStateClearOperation(string storageName, GrainStateKey key, string? expectedETag, long expectedVersion)
    : PostgresWriteOperation<bool>
{
    public override string Kind => "state.clear";

    public override string LockKey => PostgresLockKeys.State(storageName, key);

    public override NpgsqlBatchCommand CreateCommand()
    {
        var command = new NpgsqlBatchCommand(expectedETag is null ? PostgresSql.StateExists : PostgresSql.DeleteState);
        PostgresParameters.AddStateKey(command.Parameters, storageName, key);
        if (expectedETag is not null)
        {
            command.Parameters.Add(PostgresParameters.Int64(expectedVersion));
        }

        return command;
    }

    public override async Task ReadResultAsync(NpgsqlDataReader reader)
    {
        var found = await ReadInt64Async(reader) is not null;
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

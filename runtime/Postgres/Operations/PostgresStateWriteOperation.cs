using Npgsql;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Postgres.Operations;

/// <summary>
/// Inserts (no expected ETag: <c>ON CONFLICT DO NOTHING</c>) or updates where the version still matches;
/// either way zero returned rows means the caller lost an ETag race.
/// </summary>
internal sealed class PostgresStateWriteOperation(string storageName, GrainStateKey key, GrainStateRecord record, string? expectedETag, long expectedVersion)
    : PostgresWriteOperation<string>
{
    public override string Kind => "state.write";

    public override string LockKey => PostgresLockKeys.State(storageName, key);

    public override NpgsqlBatchCommand CreateCommand()
    {
        var command = new NpgsqlBatchCommand(expectedETag is null ? PostgresSql.InsertState : PostgresSql.UpdateState);
        PostgresParameters.AddStateKey(command.Parameters, storageName, key);
        command.Parameters.Add(PostgresParameters.Json(record.Payload));
        command.Parameters.Add(PostgresParameters.Json(record.Outbox));
        if (expectedETag is not null)
        {
            command.Parameters.Add(PostgresParameters.Int64(expectedVersion));
        }

        return command;
    }

    public override async Task ReadResultAsync(NpgsqlDataReader reader)
    {
        if (await ReadInt64Async(reader) is { } version)
        {
            SetResult(ETagVersion.Format(version));
        }
        else
        {
            SetConflict(string.Empty, StateConflict.Create(storageName, key, expectedETag, "write"));
        }
    }
}

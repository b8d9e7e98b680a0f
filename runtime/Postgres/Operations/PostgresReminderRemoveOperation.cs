using Npgsql;

namespace OrderEngine.Runtime.Postgres.Operations;

/// <summary>Deletes one reminder row if its version still matches; the caller learns whether it did.</summary>
internal sealed class PostgresReminderRemoveOperation(GrainId grainId, string reminderName, long expectedVersion) : PostgresWriteOperation<bool>
{
    public override string Kind => "reminder.remove";

    public override string LockKey => PostgresLockKeys.Reminder(grainId, reminderName);

    public override NpgsqlBatchCommand CreateCommand()
    {
        var command = new NpgsqlBatchCommand(PostgresSql.DeleteReminder);
        PostgresParameters.AddReminderKey(command.Parameters, grainId, reminderName);
        command.Parameters.Add(PostgresParameters.Int64(expectedVersion));
        return command;
    }

    public override async Task ReadResultAsync(NpgsqlDataReader reader)
    {
        if (await ReadInt64Async(reader) is null)
        {
            SetConflict(false, null);
        }
        else
        {
            SetResult(true);
        }
    }
}

using Npgsql;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.Postgres.Operations;

/// <summary>Inserts or replaces one reminder row under a new version from the database sequence.</summary>
internal sealed class PostgresReminderUpsertOperation(ReminderEntry entry) : PostgresWriteOperation<string>
{
    public override string Kind => "reminder.upsert";

    public override string LockKey => PostgresLockKeys.Reminder(entry.GrainId, entry.ReminderName);

    public override NpgsqlBatchCommand CreateCommand()
    {
        var command = new NpgsqlBatchCommand(PostgresSql.UpsertReminder);
        PostgresParameters.AddReminderKey(command.Parameters, entry.GrainId, entry.ReminderName);
        command.Parameters.Add(PostgresParameters.Int64(entry.GrainHash));
        command.Parameters.Add(PostgresParameters.Timestamp(DateTimeOffset.FromUnixTimeMilliseconds(entry.StartAt.ToUnixTimeMilliseconds())));
        command.Parameters.Add(PostgresParameters.NullableInt64(entry.IsOneShot ? null : (long)entry.Period.TotalMilliseconds));
        return command;
    }

    public override async Task ReadResultAsync(NpgsqlDataReader reader) =>
        SetResult(ETagVersion.Format(await ReadInt64Async(reader) ?? throw new InvalidOperationException("The reminder upsert returned no version.")));
}

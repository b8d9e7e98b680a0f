using Microsoft.Data.Sqlite;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.Sqlite.Operations;

/// <summary>Inserts or replaces one reminder row under a new version (never one the row, or an earlier row of its key, had).</summary>
internal sealed class SqliteReminderUpsertOperation(ReminderEntry entry) : SqliteWriteOperation<string>
{
    public override string Kind => "reminder.upsert";

    public override void Execute(SqliteConnection connection, SqliteTransaction transaction, SqliteVersionCounter versions)
    {
        using var command = CreateCommand(connection, transaction, SqliteSql.UpsertReminder);
        SqliteParameters.AddReminderKey(command, entry.GrainId, entry.ReminderName);
        command.Parameters.AddWithValue("$hash", (long)entry.GrainHash);
        command.Parameters.AddWithValue("$start", entry.StartAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$period", entry.IsOneShot ? DBNull.Value : (long)entry.Period.TotalMilliseconds);
        command.Parameters.AddWithValue("$newVersion", versions.Next());
        SetResult(ETagVersion.Format((long)command.ExecuteScalar()!));
    }
}

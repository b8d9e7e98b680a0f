using Microsoft.Data.Sqlite;

namespace OrderEngine.Runtime.Sqlite.Operations;

/// <summary>Deletes one reminder row if its version still matches; the caller learns whether it did.</summary>
internal sealed class SqliteReminderRemoveOperation(GrainId grainId, string reminderName, long expectedVersion) : SqliteWriteOperation<bool>
{
    public override string Kind => "reminder.remove";

    public override void Execute(SqliteConnection connection, SqliteTransaction transaction, SqliteVersionCounter versions)
    {
        using var command = CreateCommand(connection, transaction, SqliteSql.DeleteReminder);
        SqliteParameters.AddReminderKey(command, grainId, reminderName);
        command.Parameters.AddWithValue("$version", expectedVersion);
        if (command.ExecuteScalar() is null)
        {
            SetConflict(false, null);
        }
        else
        {
            SetResult(true);
        }
    }
}

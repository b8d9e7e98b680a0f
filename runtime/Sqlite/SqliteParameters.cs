using Microsoft.Data.Sqlite;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Sqlite;

/// <summary>Binds the key columns shared by several statements.</summary>
internal static class SqliteParameters
{
    public static void AddStateKey(SqliteCommand command, string storageName, GrainStateKey key)
    {
        command.Parameters.AddWithValue("$storage", storageName);
        command.Parameters.AddWithValue("$type", key.GrainId.Type);
        command.Parameters.AddWithValue("$key", key.GrainId.Key);
        command.Parameters.AddWithValue("$state", key.StateName);
    }

    public static void AddReminderKey(SqliteCommand command, GrainId grainId, string reminderName)
    {
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$name", reminderName);
    }
}

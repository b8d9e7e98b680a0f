using Microsoft.Data.Sqlite;
using OrderEngine.Runtime.Membership;
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

    public static void AddMemberKey(SqliteCommand command, string clusterId, SiloAddress silo)
    {
        command.Parameters.AddWithValue("$cluster", clusterId);
        command.Parameters.AddWithValue("$address", silo.ToString());
    }

    /// <summary>Binds every column of a membership row but its key and ETag.</summary>
    public static void AddMemberColumns(SqliteCommand command, MembershipEntry entry)
    {
        command.Parameters.AddWithValue("$status", (int)entry.Status);
        command.Parameters.AddWithValue("$siloName", entry.SiloName);
        command.Parameters.AddWithValue("$hostName", entry.HostName);
        command.Parameters.AddWithValue("$httpAddress", (object?)entry.HttpAddress ?? DBNull.Value);
        command.Parameters.AddWithValue("$startedAt", UnixMicroseconds.From(entry.StartedAt));
        command.Parameters.AddWithValue("$iAmAliveAt", UnixMicroseconds.From(entry.IAmAliveAt));
        command.Parameters.AddWithValue("$suspicions", SuspicionsJson.Write(entry.Suspicions));
    }
}

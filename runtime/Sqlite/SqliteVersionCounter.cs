using Microsoft.Data.Sqlite;

namespace OrderEngine.Runtime.Sqlite;

/// <summary>
/// Hands out row versions (the ETags) inside one write transaction. Versions come from the one-row table
/// <c>orderengine_version_counter</c>, shared by grain state and reminders, so a version is never issued
/// twice in the life of the database file, not even to a key deleted and inserted again: an ETag held by a
/// stale activation can never match a later row. The counter is read on the first <see cref="Next"/> and
/// written back once by <see cref="Save"/>, so a batch costs two small statements however many writes it
/// carries. The transaction holds the database's write lock, so no other connection can hand out the same
/// versions; if it rolls back, the versions it handed out were never published and are free again.
/// The schema creates the counter row once (<c>INSERT OR IGNORE</c>, never rewritten), seeded with the
/// largest version already stored, so files written before the counter existed continue above it.
/// </summary>
internal sealed class SqliteVersionCounter(SqliteConnection connection, SqliteTransaction transaction)
{
    private long _last;
    private bool _read;
    private bool _advanced;

    /// <summary>A version greater than every version stored or issued before.</summary>
    public long Next()
    {
        if (!_read)
        {
            using var command = CreateCommand(SqliteSql.ReadLastVersion);
            _last = command.ExecuteScalar() as long?
                ?? throw new InvalidOperationException("The version counter row is missing from orderengine_version_counter.");
            _read = true;
        }

        _advanced = true;
        return ++_last;
    }

    /// <summary>Stores the last version handed out; call once, before the transaction commits.</summary>
    public void Save()
    {
        if (!_advanced)
        {
            return;
        }

        using var command = CreateCommand(SqliteSql.SaveLastVersion);
        command.Parameters.AddWithValue("$last", _last);
        command.ExecuteNonQuery();
    }

    private SqliteCommand CreateCommand(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}

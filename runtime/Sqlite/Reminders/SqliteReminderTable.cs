using Microsoft.Data.Sqlite;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Sqlite.Operations;

namespace OrderEngine.Runtime.Sqlite.Reminders;

/// <summary>
/// Reminders in the process's SQLite file. Start times are stored as Unix milliseconds and periods as
/// whole milliseconds (NULL for a one-shot reminder); the ETag is the row version, taken on every upsert from
/// the database-wide <see cref="SqliteVersionCounter"/>, so it is never reused for a reminder, not even after a removal.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable
{
    private readonly SqliteDatabase _database;

    internal SqliteReminderTable(SqliteDatabase database) => _database = database;

    /// <summary>Creates the database file and schema now instead of on first use.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.EnsureInitializedAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginExclusive, uint endInclusive, CancellationToken cancellationToken)
    {
        var sql = beginExclusive == endInclusive ? SqliteSql.ReadAllReminders
            : beginExclusive < endInclusive ? SqliteSql.ReadReminderRange
            : SqliteSql.ReadReminderWrappedRange;
        return QueryAsync(
            sql,
            command =>
            {
                command.Parameters.AddWithValue("$begin", (long)beginExclusive);
                command.Parameters.AddWithValue("$end", (long)endInclusive);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(
            SqliteSql.ReadGrainReminders,
            command =>
            {
                command.Parameters.AddWithValue("$type", grainId.Type);
                command.Parameters.AddWithValue("$key", grainId.Key);
            },
            cancellationToken);

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        var rows = await QueryAsync(SqliteSql.ReadReminder, command => SqliteParameters.AddReminderKey(command, grainId, reminderName), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName, nameof(entry));
        if (!entry.IsOneShot)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(entry.Period, TimeSpan.Zero, nameof(entry));
        }

        return _database.WriteAsync(new SqliteReminderUpsertOperation(entry), cancellationToken);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        if (!ETagVersion.TryParse(eTag, out var version))
        {
            return Task.FromResult(false);
        }

        return _database.WriteAsync(new SqliteReminderRemoveOperation(grainId, reminderName, version), cancellationToken);
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                ETagVersion.Format(reader.GetInt64(5))));
        }

        return rows;
    }
}

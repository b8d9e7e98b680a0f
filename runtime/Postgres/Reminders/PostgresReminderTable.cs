using Npgsql;
using OrderEngine.Runtime.Postgres.Operations;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.Postgres.Reminders;

/// <summary>
/// Reminders in PostgreSQL. Start times are timestamptz, periods whole milliseconds (NULL for a one-shot
/// reminder), and the grain hash a bigint indexed for range reads. The ETag is the row version, drawn from a
/// database sequence on every upsert, so it is never reused for a reminder, not even after a removal.
/// Changes go through the silo's write batcher.
/// </summary>
public sealed class PostgresReminderTable : IReminderTable
{
    private readonly PostgresSchema _schema;
    private readonly PostgresWriteBatcher _batcher;

    internal PostgresReminderTable(NpgsqlDataSource dataSource, PostgresSchema schema, PostgresWriteBatcher batcher)
    {
        DataSource = dataSource;
        _schema = schema;
        _batcher = batcher;
    }

    /// <summary>The process-wide data source this table reads and writes through.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates the schema now instead of on first use.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _schema.EnsureCreatedAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginExclusive, uint endInclusive, CancellationToken cancellationToken)
    {
        var sql = beginExclusive == endInclusive ? PostgresSql.ReadAllReminders
            : beginExclusive < endInclusive ? PostgresSql.ReadReminderRange
            : PostgresSql.ReadReminderWrappedRange;
        return QueryAsync(
            sql,
            parameters =>
            {
                if (beginExclusive != endInclusive)
                {
                    parameters.Add(PostgresParameters.Int64(beginExclusive));
                    parameters.Add(PostgresParameters.Int64(endInclusive));
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(
            PostgresSql.ReadGrainReminders,
            parameters =>
            {
                parameters.Add(PostgresParameters.Text(grainId.Type));
                parameters.Add(PostgresParameters.Text(grainId.Key));
            },
            cancellationToken);

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        var rows = await QueryAsync(PostgresSql.ReadReminder, parameters => PostgresParameters.AddReminderKey(parameters, grainId, reminderName), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName, nameof(entry));
        if (!entry.IsOneShot)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(entry.Period, TimeSpan.Zero, nameof(entry));
        }

        await _schema.EnsureCreatedAsync(cancellationToken);
        return await _batcher.WriteAsync(new PostgresReminderUpsertOperation(entry), cancellationToken);
    }

    public async Task<bool> RemoveAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        if (!ETagVersion.TryParse(eTag, out var version))
        {
            return false;
        }

        await _schema.EnsureCreatedAsync(cancellationToken);
        return await _batcher.WriteAsync(new PostgresReminderRemoveOperation(grainId, reminderName, version), cancellationToken);
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await _schema.EnsureCreatedAsync(cancellationToken);
        await using var command = DataSource.CreateCommand(sql);
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                await reader.IsDBNullAsync(4, cancellationToken) ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                ETagVersion.Format(reader.GetInt64(5))));
        }

        return rows;
    }
}

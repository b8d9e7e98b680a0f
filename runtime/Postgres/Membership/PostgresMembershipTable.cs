using Npgsql;
using OrderEngine.Runtime.Membership;

namespace OrderEngine.Runtime.Postgres.Membership;

/// <summary>
/// The membership table in PostgreSQL, on the process's one data source. A compare-and-swap is one transaction:
/// first the conditional version bump, which locks the cluster's version row (concurrent writers of the cluster
/// queue behind it and then find the version moved on), then the conditional insert or update of the member row;
/// if either changes no row the transaction rolls back and the caller gets false. I-am-alive writes touch only
/// their row. ETags are drawn from the database-wide version sequence, so they are never reused. Membership writes
/// are rare, so they do not go through the write batcher: each is its own short transaction.
/// </summary>
public sealed class PostgresMembershipTable : IMembershipTable
{
    private readonly PostgresSchema _schema;

    internal PostgresMembershipTable(NpgsqlDataSource dataSource, PostgresSchema schema, string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        DataSource = dataSource;
        _schema = schema;
        ClusterId = clusterId;
    }

    /// <summary>The process-wide data source this table reads and writes through.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The cluster whose rows this table reads and writes.</summary>
    public string ClusterId { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureCreatedAsync(cancellationToken);
        await using var command = DataSource.CreateCommand(PostgresSql.InitializeMembership);
        command.Parameters.Add(PostgresParameters.Text(ClusterId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureCreatedAsync(cancellationToken);
        await using var command = DataSource.CreateCommand(PostgresSql.ReadMembership);
        command.Parameters.Add(PostgresParameters.Text(ClusterId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long? version = null;
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            version = reader.GetInt64(0);
            if (!await reader.IsDBNullAsync(1, cancellationToken))
            {
                rows.Add(await ReadRowAsync(reader, cancellationToken));
            }
        }

        return version is { } read
            ? new MembershipSnapshot([.. rows.OrderBy(row => row.Entry.Silo)], read)
            : throw new InvalidOperationException($"Membership cluster '{ClusterId}' has no version row: call InitializeAsync first.");
    }

    public Task<bool> TryInsertAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        CheckEntry(entry);
        return CompareAndSwapAsync(
            expectedVersion,
            PostgresSql.InsertMember,
            parameters => PostgresParameters.AddMember(parameters, ClusterId, entry),
            cancellationToken);
    }

    public Task<bool> TryUpdateAsync(MembershipEntry entry, long expectedETag, long expectedVersion, CancellationToken cancellationToken)
    {
        CheckEntry(entry);
        return CompareAndSwapAsync(
            expectedVersion,
            PostgresSql.UpdateMember,
            parameters =>
            {
                PostgresParameters.AddMember(parameters, ClusterId, entry);
                parameters.Add(PostgresParameters.Int64(expectedETag));
            },
            cancellationToken);
    }

    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await _schema.EnsureCreatedAsync(cancellationToken);
        await using var command = DataSource.CreateCommand(PostgresSql.UpdateIAmAlive);
        PostgresParameters.AddMemberKey(command.Parameters, ClusterId, silo);
        command.Parameters.Add(PostgresParameters.Timestamp(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <remarks>The version stays as it is: dead is final (see <see cref="IMembershipTable.CleanupDefunctAsync"/>).</remarks>
    public async Task<int> CleanupDefunctAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await _schema.EnsureCreatedAsync(cancellationToken);
        await using var command = DataSource.CreateCommand(PostgresSql.CleanupDefunctMembers);
        command.Parameters.Add(PostgresParameters.Text(ClusterId));
        command.Parameters.Add(PostgresParameters.Int16((short)SiloStatus.Dead));
        command.Parameters.Add(PostgresParameters.Timestamp(olderThan));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteClusterAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureCreatedAsync(cancellationToken);
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in new[] { PostgresSql.DeleteMembershipVersion, PostgresSql.DeleteMembershipMembers })
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(PostgresParameters.Text(ClusterId));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Bumps the version from <paramref name="expectedVersion"/> and runs <paramref name="sql"/>, in one transaction that commits only if both changed a row.</summary>
    private async Task<bool> CompareAndSwapAsync(long expectedVersion, string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await _schema.EnsureCreatedAsync(cancellationToken);
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var bump = new NpgsqlCommand(PostgresSql.BumpMembershipVersion, connection, transaction))
        {
            bump.Parameters.Add(PostgresParameters.Text(ClusterId));
            bump.Parameters.Add(PostgresParameters.Int64(expectedVersion));
            if (await bump.ExecuteScalarAsync(cancellationToken) is null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return false;
            }
        }

        await using (var write = new NpgsqlCommand(sql, connection, transaction))
        {
            bind(write.Parameters);
            if (await write.ExecuteScalarAsync(cancellationToken) is null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return false;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static void CheckEntry(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Silo, nameof(entry));
        ArgumentNullException.ThrowIfNull(entry.SiloName, nameof(entry));
        ArgumentNullException.ThrowIfNull(entry.HostName, nameof(entry));
    }

    private static async Task<MembershipRow> ReadRowAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        new(
            new MembershipEntry
            {
                Silo = SiloAddress.Parse(reader.GetString(1)),
                Status = (SiloStatus)reader.GetInt16(2),
                SiloName = reader.GetString(3),
                HostName = reader.GetString(4),
                HttpAddress = await reader.IsDBNullAsync(5, cancellationToken) ? null : reader.GetString(5),
                StartedAt = reader.GetFieldValue<DateTimeOffset>(6),
                IAmAliveAt = reader.GetFieldValue<DateTimeOffset>(7),
                Suspicions = SuspicionsJson.Read(reader.GetString(8)),
            },
            reader.GetInt64(9));
}

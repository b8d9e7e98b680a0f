using Microsoft.Data.Sqlite;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Sqlite.Operations;

namespace OrderEngine.Runtime.Sqlite.Membership;

/// <summary>
/// The membership table in the process's SQLite file, for a single node (or several processes sharing one file on
/// one machine). Changes go through the database's single writer, whose transactions hold the file's write lock,
/// so each compare-and-swap checks and writes under that lock. ETags come from the database-wide
/// <see cref="SqliteVersionCounter"/> and are never reused; times are stored as Unix microseconds.
/// </summary>
public sealed class SqliteMembershipTable : IMembershipTable
{
    private readonly SqliteDatabase _database;

    internal SqliteMembershipTable(SqliteDatabase database, string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        _database = database;
        ClusterId = clusterId;
    }

    /// <summary>The cluster whose rows this table reads and writes.</summary>
    public string ClusterId { get; }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        WriteAsync("membership.initialize", SqliteSql.InitializeMembership, _ => { }, cancellationToken);

    public async Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSql.ReadMembership;
        command.Parameters.AddWithValue("$cluster", ClusterId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long? version = null;
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            version = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                rows.Add(ReadRow(reader));
            }
        }

        return version is { } read
            ? new MembershipSnapshot([.. rows.OrderBy(row => row.Entry.Silo)], read)
            : throw new InvalidOperationException($"Membership cluster '{ClusterId}' has no version row: call InitializeAsync first.");
    }

    public Task<bool> TryInsertAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        CheckEntry(entry);
        return _database.WriteAsync(new SqliteMembershipInsertOperation(ClusterId, entry, expectedVersion), cancellationToken);
    }

    public Task<bool> TryUpdateAsync(MembershipEntry entry, long expectedETag, long expectedVersion, CancellationToken cancellationToken)
    {
        CheckEntry(entry);
        return _database.WriteAsync(new SqliteMembershipUpdateOperation(ClusterId, entry, expectedETag, expectedVersion), cancellationToken);
    }

    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return WriteAsync(
            "membership.iamalive",
            SqliteSql.UpdateIAmAlive,
            command =>
            {
                command.Parameters.AddWithValue("$address", silo.ToString());
                command.Parameters.AddWithValue("$iAmAliveAt", UnixMicroseconds.From(at));
            },
            cancellationToken);
    }

    /// <remarks>The version stays as it is: dead is final (see <see cref="IMembershipTable.CleanupDefunctAsync"/>).</remarks>
    public Task<int> CleanupDefunctAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        WriteAsync(
            "membership.cleanup",
            SqliteSql.CleanupDefunctMembers,
            command =>
            {
                command.Parameters.AddWithValue("$dead", (int)SiloStatus.Dead);
                command.Parameters.AddWithValue("$olderThan", UnixMicroseconds.From(olderThan));
            },
            cancellationToken);

    public Task DeleteClusterAsync(CancellationToken cancellationToken) =>
        WriteAsync("membership.delete", SqliteSql.DeleteMembershipCluster, _ => { }, cancellationToken);

    private static void CheckEntry(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Silo, nameof(entry));
        ArgumentNullException.ThrowIfNull(entry.SiloName, nameof(entry));
        ArgumentNullException.ThrowIfNull(entry.HostName, nameof(entry));
    }

    private static MembershipRow ReadRow(SqliteDataReader reader) =>
        new(
            new MembershipEntry
            {
                Silo = SiloAddress.Parse(reader.GetString(1)),
                Status = (SiloStatus)reader.GetInt32(2),
                SiloName = reader.GetString(3),
                HostName = reader.GetString(4),
                HttpAddress = reader.IsDBNull(5) ? null : reader.GetString(5),
                StartedAt = UnixMicroseconds.To(reader.GetInt64(6)),
                IAmAliveAt = UnixMicroseconds.To(reader.GetInt64(7)),
                Suspicions = SuspicionsJson.Read(reader.GetString(8)),
            },
            reader.GetInt64(9));

    private Task<int> WriteAsync(string kind, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            new SqliteCommandOperation(
                kind,
                sql,
                command =>
                {
                    command.Parameters.AddWithValue("$cluster", ClusterId);
                    bind(command);
                }),
            cancellationToken);
}

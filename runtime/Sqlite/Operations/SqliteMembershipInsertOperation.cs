using Microsoft.Data.Sqlite;
using OrderEngine.Runtime.Membership;

namespace OrderEngine.Runtime.Sqlite.Operations;

/// <summary>
/// Inserts a silo's membership row and bumps the cluster version, if the version is the expected one and the silo
/// has no row; otherwise changes nothing. The batch transaction holds the database's write lock, so the check
/// made by the version update still holds when the row is inserted.
/// </summary>
internal sealed class SqliteMembershipInsertOperation(string clusterId, MembershipEntry entry, long expectedVersion) : SqliteWriteOperation<bool>
{
    public override string Kind => "membership.insert";

    public override void Execute(SqliteConnection connection, SqliteTransaction transaction, SqliteVersionCounter versions)
    {
        using (var bump = CreateCommand(connection, transaction, SqliteSql.BumpMembershipVersionForInsert))
        {
            SqliteParameters.AddMemberKey(bump, clusterId, entry.Silo);
            bump.Parameters.AddWithValue("$version", expectedVersion);
            if (bump.ExecuteScalar() is null)
            {
                SetConflict(false, null);
                return;
            }
        }

        using var insert = CreateCommand(connection, transaction, SqliteSql.InsertMember);
        SqliteParameters.AddMemberKey(insert, clusterId, entry.Silo);
        SqliteParameters.AddMemberColumns(insert, entry);
        insert.Parameters.AddWithValue("$newETag", versions.Next());
        insert.ExecuteNonQuery();
        SetResult(true);
    }
}

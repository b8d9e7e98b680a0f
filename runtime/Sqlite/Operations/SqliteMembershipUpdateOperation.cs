using Microsoft.Data.Sqlite;
using OrderEngine.Runtime.Membership;

namespace OrderEngine.Runtime.Sqlite.Operations;

/// <summary>
/// Replaces a silo's membership row under a new ETag and bumps the cluster version, if the version and the row's
/// ETag are the expected ones; otherwise changes nothing. The batch transaction holds the database's write lock,
/// so the check made by the version update still holds when the row is replaced.
/// </summary>
internal sealed class SqliteMembershipUpdateOperation(string clusterId, MembershipEntry entry, long expectedETag, long expectedVersion)
    : SqliteWriteOperation<bool>
{
    public override string Kind => "membership.update";

    public override void Execute(SqliteConnection connection, SqliteTransaction transaction, SqliteVersionCounter versions)
    {
        using (var bump = CreateCommand(connection, transaction, SqliteSql.BumpMembershipVersionForUpdate))
        {
            SqliteParameters.AddMemberKey(bump, clusterId, entry.Silo);
            bump.Parameters.AddWithValue("$version", expectedVersion);
            bump.Parameters.AddWithValue("$etag", expectedETag);
            if (bump.ExecuteScalar() is null)
            {
                SetConflict(false, null);
                return;
            }
        }

        using var update = CreateCommand(connection, transaction, SqliteSql.UpdateMember);
        SqliteParameters.AddMemberKey(update, clusterId, entry.Silo);
        SqliteParameters.AddMemberColumns(update, entry);
        update.Parameters.AddWithValue("$newETag", versions.Next());
        update.ExecuteNonQuery();
        SetResult(true);
    }
}

namespace OrderEngine.Runtime.Sqlite;

/// <summary>Every statement the SQLite providers run, in one place.</summary>
internal static class SqliteSql
{
    public const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS orderengine_grain_state (
            storage_name TEXT NOT NULL,
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            payload TEXT NOT NULL CHECK (json_valid(payload)),
            outbox TEXT NULL CHECK (outbox IS NULL OR json_valid(outbox)),
            version INTEGER NOT NULL,
            modified_at TEXT NOT NULL,
            PRIMARY KEY (storage_name, grain_type, grain_key, state_name)
        );
        CREATE INDEX IF NOT EXISTS orderengine_grain_state_outbox_ix
            ON orderengine_grain_state (storage_name, grain_type, grain_key, state_name) WHERE outbox IS NOT NULL;
        CREATE TABLE IF NOT EXISTS orderengine_reminders (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_at_ms INTEGER NOT NULL,
            period_ms INTEGER NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS orderengine_reminders_hash_ix ON orderengine_reminders (grain_hash);
        CREATE TABLE IF NOT EXISTS orderengine_membership_version (
            cluster_id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL CHECK (version >= 0)
        );
        CREATE TABLE IF NOT EXISTS orderengine_membership (
            cluster_id TEXT NOT NULL,
            address TEXT NOT NULL,
            status INTEGER NOT NULL,
            silo_name TEXT NOT NULL,
            host_name TEXT NOT NULL,
            http_address TEXT NULL,
            started_at_us INTEGER NOT NULL,
            iamalive_at_us INTEGER NOT NULL,
            suspicions TEXT NOT NULL CHECK (json_valid(suspicions)),
            etag INTEGER NOT NULL,
            PRIMARY KEY (cluster_id, address)
        );
        CREATE TABLE IF NOT EXISTS orderengine_version_counter (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_version INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO orderengine_version_counter (id, last_version)
            SELECT 1, max(
                ifnull((SELECT max(version) FROM orderengine_grain_state), 0),
                ifnull((SELECT max(version) FROM orderengine_reminders), 0));
        """;

    /// <summary>The last version handed out; read under the writer's write lock.</summary>
    public const string ReadLastVersion = "SELECT last_version FROM orderengine_version_counter WHERE id = 1";

    public const string SaveLastVersion = "UPDATE orderengine_version_counter SET last_version = $last WHERE id = 1";

    private const string StateKey = "storage_name = $storage AND grain_type = $type AND grain_key = $key AND state_name = $state";
    private const string Now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    public const string ReadState = $"SELECT payload, outbox, version FROM orderengine_grain_state WHERE {StateKey}";

    public const string InsertState = $"""
        INSERT INTO orderengine_grain_state (storage_name, grain_type, grain_key, state_name, payload, outbox, version, modified_at)
        VALUES ($storage, $type, $key, $state, $payload, $outbox, $newVersion, {Now})
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    public const string UpdateState = $"""
        UPDATE orderengine_grain_state SET payload = $payload, outbox = $outbox, version = $newVersion, modified_at = {Now}
        WHERE {StateKey} AND version = $version
        RETURNING version
        """;

    public const string DeleteState = $"DELETE FROM orderengine_grain_state WHERE {StateKey} AND version = $version RETURNING 1";

    public const string StateExists = $"SELECT 1 FROM orderengine_grain_state WHERE {StateKey}";

    public const string PendingOutbox = """
        SELECT grain_type, grain_key, state_name FROM orderengine_grain_state
        WHERE storage_name = $storage AND outbox IS NOT NULL
        ORDER BY grain_type, grain_key, state_name
        LIMIT $limit
        """;

    private const string ReminderColumns = "grain_type, grain_key, reminder_name, start_at_ms, period_ms, version";
    private const string ReminderKey = "grain_type = $type AND grain_key = $key AND reminder_name = $name";

    public const string ReadReminder = $"SELECT {ReminderColumns} FROM orderengine_reminders WHERE {ReminderKey}";

    public const string ReadGrainReminders = $"SELECT {ReminderColumns} FROM orderengine_reminders WHERE grain_type = $type AND grain_key = $key";

    public const string ReadAllReminders = $"SELECT {ReminderColumns} FROM orderengine_reminders";

    public const string ReadReminderRange = $"SELECT {ReminderColumns} FROM orderengine_reminders WHERE grain_hash > $begin AND grain_hash <= $end";

    public const string ReadReminderWrappedRange = $"SELECT {ReminderColumns} FROM orderengine_reminders WHERE grain_hash > $begin OR grain_hash <= $end";

    public const string UpsertReminder = """
        INSERT INTO orderengine_reminders (grain_type, grain_key, reminder_name, grain_hash, start_at_ms, period_ms, version)
        VALUES ($type, $key, $name, $hash, $start, $period, $newVersion)
        ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE
            SET grain_hash = excluded.grain_hash, start_at_ms = excluded.start_at_ms, period_ms = excluded.period_ms, version = excluded.version
        RETURNING version
        """;

    public const string DeleteReminder = $"DELETE FROM orderengine_reminders WHERE {ReminderKey} AND version = $version RETURNING 1";

    public const string InitializeMembership = "INSERT OR IGNORE INTO orderengine_membership_version (cluster_id, version) VALUES ($cluster, 0)";

    /// <summary>
    /// The version and every row of one cluster in one statement (so one snapshot); no result row at all when the
    /// cluster has no version, one row with NULL member columns when it has no members.
    /// </summary>
    public const string ReadMembership = """
        SELECT v.version, m.address, m.status, m.silo_name, m.host_name, m.http_address, m.started_at_us, m.iamalive_at_us, m.suspicions, m.etag
        FROM orderengine_membership_version AS v
        LEFT JOIN orderengine_membership AS m ON m.cluster_id = v.cluster_id
        WHERE v.cluster_id = $cluster
        """;

    private const string MemberKey = "cluster_id = $cluster AND address = $address";

    /// <summary>Bumps the version if it is the expected one and the silo has no row yet (the writer holds the write lock, so the check stands).</summary>
    public const string BumpMembershipVersionForInsert = $"""
        UPDATE orderengine_membership_version SET version = version + 1
        WHERE cluster_id = $cluster AND version = $version
            AND NOT EXISTS (SELECT 1 FROM orderengine_membership WHERE {MemberKey})
        RETURNING version
        """;

    /// <summary>Bumps the version if it is the expected one and the silo's row has the expected ETag.</summary>
    public const string BumpMembershipVersionForUpdate = $"""
        UPDATE orderengine_membership_version SET version = version + 1
        WHERE cluster_id = $cluster AND version = $version
            AND EXISTS (SELECT 1 FROM orderengine_membership WHERE {MemberKey} AND etag = $etag)
        RETURNING version
        """;

    public const string InsertMember = """
        INSERT INTO orderengine_membership
            (cluster_id, address, status, silo_name, host_name, http_address, started_at_us, iamalive_at_us, suspicions, etag)
        VALUES ($cluster, $address, $status, $siloName, $hostName, $httpAddress, $startedAt, $iAmAliveAt, $suspicions, $newETag)
        """;

    public const string UpdateMember = $"""
        UPDATE orderengine_membership
        SET status = $status, silo_name = $siloName, host_name = $hostName, http_address = $httpAddress,
            started_at_us = $startedAt, iamalive_at_us = $iAmAliveAt, suspicions = $suspicions, etag = $newETag
        WHERE {MemberKey}
        """;

    public const string UpdateIAmAlive = $"UPDATE orderengine_membership SET iamalive_at_us = $iAmAliveAt WHERE {MemberKey}";

    public const string CleanupDefunctMembers = """
        DELETE FROM orderengine_membership WHERE cluster_id = $cluster AND status = $dead AND iamalive_at_us < $olderThan
        """;

    public const string DeleteMembershipCluster = """
        DELETE FROM orderengine_membership_version WHERE cluster_id = $cluster;
        DELETE FROM orderengine_membership WHERE cluster_id = $cluster;
        """;
}

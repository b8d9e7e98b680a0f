namespace OrderEngine.Runtime.Postgres;

/// <summary>Every statement the PostgreSQL providers run, in one place. Parameters are positional.</summary>
internal static class PostgresSql
{
    /// <summary>Serializes concurrent schema creation by several silos (CREATE ... IF NOT EXISTS is not race-free).</summary>
    private const string SchemaLockId = "5712063250829757761";

    /// <summary>
    /// Every row version (ETag) of grain state, reminders and membership rows, on insert and on update, is drawn from this one
    /// sequence, so no version is ever issued twice in the database, not even to a key deleted and inserted
    /// again. nextval is cheap and outside the transaction: a rolled-back batch leaves gaps, never reuse.
    /// The schema script seeds a sequence that has never been used above every version already stored
    /// (databases created before the sequence existed), once: after the first nextval it is never set again.
    /// </summary>
    private const string VersionSequence = "orderengine_version_seq";

    private const string NextVersion = $"nextval('{VersionSequence}')";

    public const string Schema = $"""
        SELECT pg_advisory_xact_lock({SchemaLockId});
        CREATE TABLE IF NOT EXISTS orderengine_grain_state (
            storage_name text NOT NULL,
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            state_name text NOT NULL,
            payload jsonb NOT NULL,
            outbox jsonb NULL,
            version bigint NOT NULL,
            modified_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT orderengine_grain_state_pk PRIMARY KEY (storage_name, grain_type, grain_key, state_name)
        );
        CREATE INDEX IF NOT EXISTS orderengine_grain_state_outbox_ix
            ON orderengine_grain_state (storage_name, grain_type, grain_key, state_name) WHERE outbox IS NOT NULL;
        CREATE TABLE IF NOT EXISTS orderengine_reminders (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            reminder_name text NOT NULL,
            grain_hash bigint NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
            start_at timestamptz NOT NULL,
            period_ms bigint NULL CHECK (period_ms >= 0),
            version bigint NOT NULL,
            CONSTRAINT orderengine_reminders_pk PRIMARY KEY (grain_type, grain_key, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS orderengine_reminders_hash_ix ON orderengine_reminders (grain_hash);
        CREATE TABLE IF NOT EXISTS orderengine_membership_version (
            cluster_id text NOT NULL,
            version bigint NOT NULL CHECK (version >= 0),
            CONSTRAINT orderengine_membership_version_pk PRIMARY KEY (cluster_id)
        );
        CREATE TABLE IF NOT EXISTS orderengine_membership (
            cluster_id text NOT NULL,
            address text NOT NULL,
            status smallint NOT NULL,
            silo_name text NOT NULL,
            host_name text NOT NULL,
            http_address text NULL,
            started_at timestamptz NOT NULL,
            iamalive_at timestamptz NOT NULL,
            suspicions jsonb NOT NULL,
            etag bigint NOT NULL,
            CONSTRAINT orderengine_membership_pk PRIMARY KEY (cluster_id, address)
        );
        CREATE SEQUENCE IF NOT EXISTS {VersionSequence} AS bigint;
        SELECT setval('{VersionSequence}', seed.version)
        FROM (SELECT GREATEST(
            (SELECT max(version) FROM orderengine_grain_state),
            (SELECT max(version) FROM orderengine_reminders)) AS version) AS seed
        WHERE seed.version IS NOT NULL AND NOT (SELECT is_called FROM {VersionSequence});
        """;

    private const string StateKey = "storage_name = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    public const string ReadState = $"SELECT payload, outbox, version FROM orderengine_grain_state WHERE {StateKey}";

    public const string InsertState = $"""
        INSERT INTO orderengine_grain_state (storage_name, grain_type, grain_key, state_name, payload, outbox, version)
        VALUES ($1, $2, $3, $4, $5, $6, {NextVersion})
        ON CONFLICT (storage_name, grain_type, grain_key, state_name) DO NOTHING
        RETURNING version
        """;

    public const string UpdateState = $"""
        UPDATE orderengine_grain_state SET payload = $5, outbox = $6, version = {NextVersion}, modified_at = now()
        WHERE {StateKey} AND version = $7
        RETURNING version
        """;

    public const string DeleteState = $"DELETE FROM orderengine_grain_state WHERE {StateKey} AND version = $5 RETURNING 1::bigint";

    public const string StateExists = $"SELECT 1::bigint FROM orderengine_grain_state WHERE {StateKey}";

    public const string PendingOutbox = """
        SELECT grain_type, grain_key, state_name FROM orderengine_grain_state
        WHERE storage_name = $1 AND outbox IS NOT NULL
        ORDER BY grain_type, grain_key, state_name
        LIMIT $2
        """;

    private const string ReminderColumns = "grain_type, grain_key, reminder_name, start_at, period_ms, version";
    private const string ReminderKey = "grain_type = $1 AND grain_key = $2 AND reminder_name = $3";

    public const string ReadReminder = $"SELECT {ReminderColumns} FROM orderengine_reminders WHERE {ReminderKey}";

    public const string ReadGrainReminders = $"SELECT {ReminderColumns} FROM orderengine_reminders WHERE grain_type = $1 AND grain_key = $2";

    public const string ReadAllReminders = $"SELECT {ReminderColumns} FROM orderengine_reminders";

    public const string ReadReminderRange = $"SELECT {ReminderColumns} FROM orderengine_reminders WHERE grain_hash > $1 AND grain_hash <= $2";

    public const string ReadReminderWrappedRange = $"SELECT {ReminderColumns} FROM orderengine_reminders WHERE grain_hash > $1 OR grain_hash <= $2";

    public const string UpsertReminder = $"""
        INSERT INTO orderengine_reminders (grain_type, grain_key, reminder_name, grain_hash, start_at, period_ms, version)
        VALUES ($1, $2, $3, $4, $5, $6, {NextVersion})
        ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE
            SET grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms, version = excluded.version
        RETURNING version
        """;

    public const string DeleteReminder = $"DELETE FROM orderengine_reminders WHERE {ReminderKey} AND version = $4 RETURNING 1::bigint";

    public const string InitializeMembership = """
        INSERT INTO orderengine_membership_version (cluster_id, version) VALUES ($1, 0)
        ON CONFLICT (cluster_id) DO NOTHING
        """;

    /// <summary>
    /// The version and every row of one cluster in one statement (so one snapshot); no result row at all when the
    /// cluster has no version, one row with NULL member columns when it has no members.
    /// </summary>
    public const string ReadMembership = """
        SELECT v.version, m.address, m.status, m.silo_name, m.host_name, m.http_address, m.started_at, m.iamalive_at, m.suspicions, m.etag
        FROM orderengine_membership_version AS v
        LEFT JOIN orderengine_membership AS m ON m.cluster_id = v.cluster_id
        WHERE v.cluster_id = $1
        """;

    /// <summary>
    /// The first statement of every membership compare-and-swap: it locks the cluster's version row, so concurrent
    /// writers of one cluster queue here, and a writer that waited re-reads the version and finds it moved on.
    /// </summary>
    public const string BumpMembershipVersion = """
        UPDATE orderengine_membership_version SET version = version + 1
        WHERE cluster_id = $1 AND version = $2
        RETURNING version
        """;

    public const string InsertMember = $"""
        INSERT INTO orderengine_membership
            (cluster_id, address, status, silo_name, host_name, http_address, started_at, iamalive_at, suspicions, etag)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, {NextVersion})
        ON CONFLICT (cluster_id, address) DO NOTHING
        RETURNING etag
        """;

    public const string UpdateMember = $"""
        UPDATE orderengine_membership
        SET status = $3, silo_name = $4, host_name = $5, http_address = $6, started_at = $7, iamalive_at = $8, suspicions = $9,
            etag = {NextVersion}
        WHERE cluster_id = $1 AND address = $2 AND etag = $10
        RETURNING etag
        """;

    public const string UpdateIAmAlive = "UPDATE orderengine_membership SET iamalive_at = $3 WHERE cluster_id = $1 AND address = $2";

    public const string CleanupDefunctMembers = "DELETE FROM orderengine_membership WHERE cluster_id = $1 AND status = $2 AND iamalive_at < $3";

    /// <summary>The version row goes first: the compare-and-swap writes lock it before a member row, so this takes locks in the same order.</summary>
    public const string DeleteMembershipVersion = "DELETE FROM orderengine_membership_version WHERE cluster_id = $1";

    public const string DeleteMembershipMembers = "DELETE FROM orderengine_membership WHERE cluster_id = $1";
}

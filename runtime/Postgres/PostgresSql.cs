namespace OrderEngine.Runtime.Postgres;

/// <summary>Every statement the PostgreSQL providers run, in one place. Parameters are positional.</summary>
internal static class PostgresSql
{
    /// <summary>Serializes concurrent schema creation by several silos (CREATE ... IF NOT EXISTS is not race-free).</summary>
    private const string SchemaLockId = "5712063250829757761";

    /// <summary>
    /// Every row version (ETag) of grain state and reminders, on insert and on update, is drawn from this one
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
}

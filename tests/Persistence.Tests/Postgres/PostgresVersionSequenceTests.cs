using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderEngine.Runtime;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Postgres.Persistence;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Testing.Postgres;
using Xunit;

namespace OrderEngine.Persistence.Tests.Postgres;

/// <summary>
/// Row versions (ETags) come from one database sequence created with the schema: a database from before
/// the sequence existed continues above its stored versions, and a silo starting later never sets it back.
/// Each test has a database of its own, so the versions it sees are exact.
/// </summary>
public sealed class PostgresVersionSequenceTests : IDisposable
{
    private const string StorageName = "versions";

    /// <summary>The two tables as the schema created them before versions came from a sequence.</summary>
    private const string SchemaWithoutSequence = """
        CREATE TABLE orderengine_grain_state (
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
        CREATE TABLE orderengine_reminders (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            reminder_name text NOT NULL,
            grain_hash bigint NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
            start_at timestamptz NOT NULL,
            period_ms bigint NULL CHECK (period_ms >= 0),
            version bigint NOT NULL,
            CONSTRAINT orderengine_reminders_pk PRIMARY KEY (grain_type, grain_key, reminder_name)
        );
        """;

    private readonly CancellationTokenSource _deadline = new(TestData.Deadline);

    private CancellationToken Cancel => _deadline.Token;

    [Fact]
    public async Task A_database_from_before_the_sequence_gets_versions_above_every_stored_one()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(Cancel);
        var key = TestData.NewStateKey();
        var reminder = new ReminderEntry(TestData.NewGrain(), "expire", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1), null);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await ExecuteAsync(dataSource, SchemaWithoutSequence);
            await ExecuteAsync(
                dataSource,
                "INSERT INTO orderengine_grain_state (storage_name, grain_type, grain_key, state_name, payload, version) VALUES ($1, $2, $3, $4, '{}', 7)",
                StorageName,
                key.GrainId.Type,
                key.GrainId.Key,
                key.StateName);
            await ExecuteAsync(
                dataSource,
                $"INSERT INTO orderengine_reminders (grain_type, grain_key, reminder_name, grain_hash, start_at, period_ms, version) VALUES ($1, $2, $3, {reminder.GrainHash}, 'epoch', 60000, 9)",
                reminder.GrainId.Type,
                reminder.GrainId.Key,
                reminder.ReminderName);
        }

        await using var services = PostgresTestHost.Build(connectionString, options => options.StorageNames.Add(StorageName));
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageName);
        var reminders = services.GetRequiredService<IReminderTable>();

        var written = await storage.WriteAsync(key, TestData.Record(1), "7", Cancel);
        var upserted = await reminders.UpsertAsync(reminder, Cancel);
        var inserted = await storage.WriteAsync(TestData.NewStateKey(), TestData.Record(1), null, Cancel);

        Assert.Equal(["10", "11", "12"], [written, upserted, inserted]);
        Assert.False(await reminders.RemoveAsync(reminder.GrainId, reminder.ReminderName, "9", Cancel));
        Assert.Equal(reminder with { ETag = upserted }, await reminders.ReadAsync(reminder.GrainId, reminder.ReminderName, Cancel));
    }

    [Fact]
    public async Task A_silo_starting_after_versions_were_issued_never_sets_the_sequence_back()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(Cancel);
        var kept = TestData.NewStateKey();
        var cleared = TestData.NewStateKey();
        string[] earlier;
        await using (var first = PostgresTestHost.Build(connectionString, options => options.StorageNames.Add(StorageName)))
        {
            var storage = first.GetRequiredKeyedService<IGrainStorage>(StorageName);
            await storage.WriteAsync(kept, TestData.Record(1), null, Cancel);
            var firstETag = await storage.WriteAsync(cleared, TestData.Record(1), null, Cancel);
            var secondETag = await storage.WriteAsync(cleared, TestData.Record(2), firstETag, Cancel);
            await storage.ClearAsync(cleared, secondETag, Cancel);
            earlier = [firstETag, secondETag];
        }

        // The stored maximum is now below the cleared record's versions: seeding again would hand them out anew.
        await using var second = PostgresTestHost.Build(connectionString, options => options.StorageNames.Add(StorageName));
        var restarted = (PostgresGrainStorage)second.GetRequiredKeyedService<IGrainStorage>(StorageName);
        await restarted.InitializeAsync(Cancel);

        var reinserted = await restarted.WriteAsync(cleared, TestData.Record(3), null, Cancel);

        Assert.DoesNotContain(reinserted, earlier);
        foreach (var stale in earlier)
        {
            await Assert.ThrowsAsync<InconsistentStateException>(() => restarted.WriteAsync(cleared, TestData.Record(99), stale, Cancel));
        }

        var stored = await restarted.ReadAsync(cleared, Cancel);
        Assert.Equal(reinserted, stored?.ETag);
        TestData.AssertRecordEqual(TestData.Record(3), stored!.Record);
    }

    public void Dispose() => _deadline.Dispose();

    private async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, params string[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = parameter });
        }

        await command.ExecuteNonQueryAsync(Cancel);
    }
}

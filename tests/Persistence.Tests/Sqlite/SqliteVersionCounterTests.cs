using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Reminders;
using Xunit;

namespace OrderEngine.Persistence.Tests.Sqlite;

/// <summary>
/// Row versions (ETags) come from a counter stored in the database file: a file from before the counter
/// existed continues above its stored versions, and reopening the file never sets the counter back. Each
/// test has a file of its own, so the versions it sees are exact.
/// </summary>
public sealed class SqliteVersionCounterTests(SqliteFileFixture file) : IClassFixture<SqliteFileFixture>, IDisposable
{
    private const string StorageName = "versions";

    /// <summary>The two tables as the schema created them before versions came from a counter.</summary>
    private const string SchemaWithoutCounter = """
        CREATE TABLE orderengine_grain_state (
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
        CREATE TABLE orderengine_reminders (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_at_ms INTEGER NOT NULL,
            period_ms INTEGER NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, reminder_name)
        );
        """;

    private readonly CancellationTokenSource _deadline = new(TestData.Deadline);

    private CancellationToken Cancel => _deadline.Token;

    [Fact]
    public async Task A_file_from_before_the_counter_gets_versions_above_every_stored_one()
    {
        var path = NewDatabasePath();
        var key = TestData.NewStateKey();
        var reminder = new ReminderEntry(TestData.NewGrain(), "expire", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1), null);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Cancel);
            await ExecuteAsync(connection, SchemaWithoutCounter);
            await ExecuteAsync(
                connection,
                "INSERT INTO orderengine_grain_state VALUES ($p0, $p1, $p2, $p3, '{}', NULL, 7, '2020-01-01T00:00:00.000Z')",
                StorageName,
                key.GrainId.Type,
                key.GrainId.Key,
                key.StateName);
            await ExecuteAsync(
                connection,
                $"INSERT INTO orderengine_reminders VALUES ($p0, $p1, $p2, {reminder.GrainHash}, 0, 60000, 9)",
                reminder.GrainId.Type,
                reminder.GrainId.Key,
                reminder.ReminderName);
        }

        await using var services = SqliteTestHost.Build(path, options => options.StorageNames.Add(StorageName));
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
    public async Task Reopening_the_file_never_sets_the_counter_back()
    {
        var path = NewDatabasePath();
        var kept = TestData.NewStateKey();
        var cleared = TestData.NewStateKey();
        var grain = TestData.NewGrain();
        var reminder = new ReminderEntry(grain, "expire", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1), null);
        string[] earlier;
        string removed;
        await using (var first = SqliteTestHost.Build(path, options => options.StorageNames.Add(StorageName)))
        {
            var storage = first.GetRequiredKeyedService<IGrainStorage>(StorageName);
            var reminders = first.GetRequiredService<IReminderTable>();
            await storage.WriteAsync(kept, TestData.Record(1), null, Cancel);
            var firstETag = await storage.WriteAsync(cleared, TestData.Record(1), null, Cancel);
            var secondETag = await storage.WriteAsync(cleared, TestData.Record(2), firstETag, Cancel);
            await storage.ClearAsync(cleared, secondETag, Cancel);
            removed = await reminders.UpsertAsync(reminder, Cancel);
            Assert.True(await reminders.RemoveAsync(grain, reminder.ReminderName, removed, Cancel));
            earlier = [firstETag, secondETag];
        }

        // The stored maximum is now below the cleared rows' versions: counting on from it would hand them out anew.
        await using var second = SqliteTestHost.Build(path, options => options.StorageNames.Add(StorageName));
        var restarted = second.GetRequiredKeyedService<IGrainStorage>(StorageName);
        var restartedReminders = second.GetRequiredService<IReminderTable>();

        var reinserted = await restarted.WriteAsync(cleared, TestData.Record(3), null, Cancel);
        var upsertedAgain = await restartedReminders.UpsertAsync(reminder, Cancel);

        Assert.Equal(5, earlier.Append(removed).Append(reinserted).Append(upsertedAgain).Distinct(StringComparer.Ordinal).Count());
        foreach (var stale in earlier)
        {
            await Assert.ThrowsAsync<InconsistentStateException>(() => restarted.WriteAsync(cleared, TestData.Record(99), stale, Cancel));
        }

        Assert.False(await restartedReminders.RemoveAsync(grain, reminder.ReminderName, removed, Cancel));
        var stored = await restarted.ReadAsync(cleared, Cancel);
        Assert.Equal(reinserted, stored?.ETag);
        TestData.AssertRecordEqual(TestData.Record(3), stored!.Record);
        Assert.Equal(reminder with { ETag = upsertedAgain }, await restartedReminders.ReadAsync(grain, reminder.ReminderName, Cancel));
    }

    public void Dispose() => _deadline.Dispose();

    private string NewDatabasePath() => Path.Combine(file.Folder, $"{Guid.NewGuid():N}.db");

    private async Task ExecuteAsync(SqliteConnection connection, string sql, params string[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"$p{i}", parameters[i]);
        }

        await command.ExecuteNonQueryAsync(Cancel);
    }
}

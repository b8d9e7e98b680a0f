using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Sqlite.Persistence;
using Xunit;

namespace OrderEngine.Persistence.Tests.Sqlite;

/// <summary>The single writer loop: concurrent writes of many grains share one transaction (one fsync) per batch.</summary>
public sealed class SqliteBatchingTests(SqliteFileFixture file) : IClassFixture<SqliteFileFixture>, IDisposable
{
    private const string StorageName = "batching";

    private readonly CancellationTokenSource _deadline = new(TestData.Deadline);

    private CancellationToken Cancel => _deadline.Token;

    [Fact]
    public async Task Two_hundred_concurrent_writes_of_different_grains_share_a_few_transactions()
    {
        const int writes = 200;
        await using var services = SqliteTestHost.Build(file.DatabasePath, options => options.StorageNames.Add(StorageName));
        using var metrics = new StorageMetricsRecorder(services.GetRequiredService<IMeterFactory>());
        var storage = await InitializedStorageAsync(services);

        var keys = Enumerable.Range(0, writes).Select(_ => TestData.NewStateKey()).ToList();

        var eTags = await Task.WhenAll(keys.Select(key => storage.WriteAsync(key, TestData.Record(1), null, Cancel)));

        Assert.Equal(writes, metrics.BatchSizes.Sum());
        Assert.Equal(metrics.Batches, metrics.BatchSizes.Count);
        Assert.InRange(metrics.Batches, 1, writes / 10);
        Assert.Equal(0, metrics.BatchFailures);
        await TestData.AssertStoredETagsAsync(storage, keys, eTags, Cancel);
    }

    [Fact]
    public async Task An_etag_conflict_inside_a_batch_fails_only_its_own_write()
    {
        await using var services = SqliteTestHost.Build(file.DatabasePath, options => options.StorageNames.Add(StorageName));
        using var metrics = new StorageMetricsRecorder(services.GetRequiredService<IMeterFactory>());
        var storage = await InitializedStorageAsync(services);
        var contested = TestData.NewStateKey();
        var stale = await storage.WriteAsync(contested, TestData.Record(1), null, Cancel);
        var current = await storage.WriteAsync(contested, TestData.Record(2), stale, Cancel);
        var keys = Enumerable.Range(0, 4).Select(_ => TestData.NewStateKey()).ToList();

        var (conflicting, others) = await WhileTheWriterIsBlockedAsync(storage, metrics, () =>
            (storage.WriteAsync(contested, TestData.Record(99), stale, Cancel),
             keys.Select(key => storage.WriteAsync(key, TestData.Record(3), null, Cancel)).ToList()));

        await Assert.ThrowsAsync<InconsistentStateException>(() => conflicting);
        var othersETags = await Task.WhenAll(others);
        await TestData.AssertStoredETagsAsync(storage, keys, othersETags, Cancel);
        Assert.DoesNotContain(stale, othersETags);
        Assert.DoesNotContain(current, othersETags);
        Assert.Equal(5, metrics.BatchSizes[^1]);
        Assert.Equal(1, metrics.Conflicts("state.write"));
        Assert.Equal(0, metrics.BatchFailures);
        Assert.Equal(current, (await storage.ReadAsync(contested, Cancel))?.ETag);
    }

    [Fact]
    public async Task A_batch_that_fails_as_a_whole_is_retried_one_by_one_so_only_the_bad_write_fails()
    {
        await using var services = SqliteTestHost.Build(file.DatabasePath, options => options.StorageNames.Add(StorageName));
        using var metrics = new StorageMetricsRecorder(services.GetRequiredService<IMeterFactory>());
        var storage = await InitializedStorageAsync(services);
        var keys = Enumerable.Range(0, 4).Select(_ => TestData.NewStateKey()).ToList();
        var bad = TestData.NewStateKey();
        var batchesBefore = metrics.BatchSizes.Count;

        var (failing, others) = await WhileTheWriterIsBlockedAsync(storage, metrics, () =>
            (storage.WriteAsync(bad, new GrainStateRecord("{not json", null), null, Cancel),
             keys.Select(key => storage.WriteAsync(key, TestData.Record(4), null, Cancel)).ToList()));

        var exception = await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Equal(19, exception.SqliteErrorCode);
        await TestData.AssertStoredETagsAsync(storage, keys, await Task.WhenAll(others), Cancel);
        Assert.Equal(1, metrics.BatchFailures);
        Assert.Equal([1, 1, 1, 1], metrics.BatchSizes.Skip(batchesBefore + 1));
        Assert.Null(await storage.ReadAsync(bad, Cancel));
    }

    [Fact]
    public async Task The_database_is_a_wal_file_in_a_folder_created_for_it_and_outlives_the_process()
    {
        var path = Path.Combine(file.Folder, "restart", "deeper", "state.db");
        var key = TestData.NewStateKey();
        string eTag;
        await using (var first = SqliteTestHost.Build(path, options => options.StorageNames.Add(StorageName)))
        {
            eTag = await first.GetRequiredKeyedService<IGrainStorage>(StorageName).WriteAsync(key, TestData.Record(7, TestData.Outbox(7)), null, Cancel);
        }

        await using var second = SqliteTestHost.Build(path, options => options.StorageNames.Add(StorageName));
        var stored = await second.GetRequiredKeyedService<IGrainStorage>(StorageName).ReadAsync(key, Cancel);

        Assert.Equal(eTag, stored?.ETag);
        TestData.AssertRecordEqual(TestData.Record(7, TestData.Outbox(7)), stored!.Record);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Cancel));
    }

    private async Task<SqliteGrainStorage> InitializedStorageAsync(ServiceProvider services)
    {
        var storage = (SqliteGrainStorage)services.GetRequiredKeyedService<IGrainStorage>(StorageName);
        await storage.InitializeAsync(Cancel);
        return storage;
    }

    /// <summary>
    /// Holds the database's write lock from another connection, lets one write reach the writer loop (which
    /// then waits for the lock), queues the writes <paramref name="queue"/> starts behind it, and releases the
    /// lock: the writer commits the first write alone and then everything queued as one batch.
    /// </summary>
    private async Task<T> WhileTheWriterIsBlockedAsync<T>(SqliteGrainStorage storage, StorageMetricsRecorder metrics, Func<T> queue)
    {
        T queued;
        Task<string> first;
        var firstKey = TestData.NewStateKey();
        await using (var blocker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.DatabasePath, Pooling = false }.ToString()))
        {
            await blocker.OpenAsync(Cancel);
            await using var transaction = (SqliteTransaction)await blocker.BeginTransactionAsync(Cancel);
            await using (var take = blocker.CreateCommand())
            {
                take.Transaction = transaction;
                take.CommandText = "DELETE FROM orderengine_grain_state WHERE storage_name = 'no such storage'";
                await take.ExecuteNonQueryAsync(Cancel);
            }

            first = storage.WriteAsync(firstKey, TestData.Record(0), null, Cancel);
            while (metrics.QueueLength() != 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1), Cancel);
            }

            queued = queue();
            Assert.NotEqual(0, metrics.QueueLength());
        }

        var firstETag = await first;
        Assert.Equal(firstETag, (await storage.ReadAsync(firstKey, Cancel))?.ETag);
        return queued;
    }

    public void Dispose() => _deadline.Dispose();
}

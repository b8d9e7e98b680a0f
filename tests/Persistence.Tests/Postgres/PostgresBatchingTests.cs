using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderEngine.Runtime;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Postgres.Persistence;
using OrderEngine.Testing.Postgres;
using Xunit;
using Xunit.Abstractions;

namespace OrderEngine.Persistence.Tests.Postgres;

/// <summary>
/// Per-silo write batching, proven from both ends: the provider's own meter and PostgreSQL's commit
/// counter. The tests run with one writer loop on a pool of one connection, so every statement of the
/// storage and of the test runs on the same server backend.
/// </summary>
public sealed class PostgresBatchingTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    private const string StorageName = "batching";

    private readonly CancellationTokenSource _deadline = new(TestData.Deadline);

    private CancellationToken Cancel => _deadline.Token;

    [Fact]
    public async Task Two_hundred_concurrent_writes_of_different_grains_share_a_few_commits()
    {
        const int writes = 200;
        await using var services = BuildSingleConnectionHost();
        using var metrics = new StorageMetricsRecorder(services.GetRequiredService<IMeterFactory>());
        var storage = await InitializedStorageAsync(services);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var keys = Enumerable.Range(0, writes).Select(_ => TestData.NewStateKey()).ToList();
        var commitsBefore = await ReadCommitCounterAsync(dataSource);

        var eTags = await Task.WhenAll(keys.Select(key => storage.WriteAsync(key, TestData.Record(1), null, Cancel)));

        var commitsAfter = await ReadCommitCounterAsync(dataSource);
        var commits = commitsAfter - commitsBefore;
        output.WriteLine($"{writes} writes: {metrics.Batches} batches ({string.Join(", ", metrics.BatchSizes)}), xact_commit delta {commits}; server started in {await TestPostgres.GetStartupTimeAsync()}");
        Assert.Equal(writes, metrics.BatchSizes.Sum());
        Assert.Equal(metrics.Batches, metrics.BatchSizes.Count);
        Assert.InRange(metrics.Batches, 1, writes / 10);

        // Besides one commit per batch the counter sees exactly four from the measurement itself (the
        // first counter read, the flush statement and two connection resets on return to the pool);
        // up to two more may come from an autovacuum worker visiting the database meanwhile.
        Assert.InRange(commits, metrics.Batches + 4, metrics.Batches + 6);
        await TestData.AssertStoredETagsAsync(storage, keys, eTags, Cancel);
    }

    [Fact]
    public async Task Writes_queued_while_the_writer_waits_for_its_connection_go_out_in_batches_of_at_most_the_limit()
    {
        await using var services = BuildSingleConnectionHost(maxBatchSize: 20);
        using var metrics = new StorageMetricsRecorder(services.GetRequiredService<IMeterFactory>());
        var storage = await InitializedStorageAsync(services);

        var keys = Enumerable.Range(0, 50).Select(_ => TestData.NewStateKey()).ToList();

        var (writes, queued) = await WhileHoldingTheOnlyConnectionAsync(services, () =>
        {
            var writes = keys.Select(key => storage.WriteAsync(key, TestData.Record(1), null, Cancel)).ToList();
            return (writes, metrics.QueueLength());
        });

        Assert.Equal(50, queued);
        var eTags = await Task.WhenAll(writes);
        Assert.Equal([20, 20, 10], metrics.BatchSizes);
        Assert.Equal(0, metrics.QueueLength());
        await TestData.AssertStoredETagsAsync(storage, keys, eTags, Cancel);
    }

    [Fact]
    public async Task An_etag_conflict_inside_a_batch_fails_only_its_own_write()
    {
        await using var services = BuildSingleConnectionHost();
        using var metrics = new StorageMetricsRecorder(services.GetRequiredService<IMeterFactory>());
        var storage = await InitializedStorageAsync(services);
        var contested = TestData.NewStateKey();
        var stale = await storage.WriteAsync(contested, TestData.Record(1), null, Cancel);
        var current = await storage.WriteAsync(contested, TestData.Record(2), stale, Cancel);
        var updated = TestData.NewStateKey();
        var updatedETag = await storage.WriteAsync(updated, TestData.Record(1), null, Cancel);
        var inserted = Enumerable.Range(0, 8).Select(_ => TestData.NewStateKey()).ToList();
        var batchesBefore = metrics.Batches;

        var (conflicting, others) = await WhileHoldingTheOnlyConnectionAsync(services, () =>
        {
            var others = inserted.Select(key => storage.WriteAsync(key, TestData.Record(3, TestData.Outbox(3)), null, Cancel)).ToList();
            var conflicting = storage.WriteAsync(contested, TestData.Record(99), stale, Cancel);
            others.Add(storage.WriteAsync(updated, TestData.Record(4), updatedETag, Cancel));
            return (conflicting, others);
        });

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => conflicting);
        Assert.Equal(stale, exception.CurrentETag);
        var othersETags = await Task.WhenAll(others);
        await TestData.AssertStoredETagsAsync(storage, [.. inserted, updated], othersETags, Cancel);
        Assert.DoesNotContain(updatedETag, othersETags);
        Assert.DoesNotContain(stale, othersETags);
        Assert.DoesNotContain(current, othersETags);
        Assert.Equal(batchesBefore + 1, metrics.Batches);
        Assert.Equal(10, metrics.BatchSizes[^1]);
        Assert.Equal(1, metrics.Conflicts("state.write"));
        Assert.Equal(0, metrics.BatchFailures);
        var contestedState = await storage.ReadAsync(contested, Cancel);
        Assert.Equal(current, contestedState?.ETag);
        TestData.AssertRecordEqual(TestData.Record(2), contestedState!.Record);
        foreach (var key in inserted)
        {
            TestData.AssertRecordEqual(TestData.Record(3, TestData.Outbox(3)), (await storage.ReadAsync(key, Cancel))!.Record);
        }

        TestData.AssertRecordEqual(TestData.Record(4), (await storage.ReadAsync(updated, Cancel))!.Record);
    }

    [Fact]
    public async Task A_batch_that_fails_as_a_whole_is_retried_one_by_one_so_only_the_bad_write_fails()
    {
        await using var services = BuildSingleConnectionHost();
        using var metrics = new StorageMetricsRecorder(services.GetRequiredService<IMeterFactory>());
        var storage = await InitializedStorageAsync(services);
        var good = Enumerable.Range(0, 5).Select(_ => TestData.NewStateKey()).ToList();
        var bad = TestData.NewStateKey();

        var (failing, others) = await WhileHoldingTheOnlyConnectionAsync(services, () =>
        {
            var others = good.Select(key => storage.WriteAsync(key, TestData.Record(5), null, Cancel)).ToList();
            var failing = storage.WriteAsync(bad, new GrainStateRecord("{not json", null), null, Cancel);
            return (failing, others);
        });

        var exception = await Assert.ThrowsAsync<PostgresException>(() => failing);
        Assert.Equal(PostgresErrorCodes.InvalidTextRepresentation, exception.SqlState);
        await TestData.AssertStoredETagsAsync(storage, good, await Task.WhenAll(others), Cancel);
        Assert.Equal(1, metrics.BatchFailures);
        Assert.Equal(Enumerable.Repeat(1, 5), metrics.BatchSizes);
        Assert.Null(await storage.ReadAsync(bad, Cancel));
        foreach (var key in good)
        {
            TestData.AssertRecordEqual(TestData.Record(5), (await storage.ReadAsync(key, Cancel))!.Record);
        }
    }

    private ServiceProvider BuildSingleConnectionHost(int maxBatchSize = 1000)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        return PostgresTestHost.Build(connectionString, options =>
        {
            options.StorageNames.Add(StorageName);
            options.WriterConcurrency = 1;
            options.MaxBatchSize = maxBatchSize;
        });
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_is_never_sent()
    {
        await using var services = BuildSingleConnectionHost();
        using var metrics = new StorageMetricsRecorder(services.GetRequiredService<IMeterFactory>());
        var storage = await InitializedStorageAsync(services);
        using var abandon = new CancellationTokenSource();
        var abandonedKey = TestData.NewStateKey();
        var keptKey = TestData.NewStateKey();

        var (abandoned, kept) = await WhileHoldingTheOnlyConnectionAsync(services, () =>
        {
            var abandoned = storage.WriteAsync(abandonedKey, TestData.Record(1), null, abandon.Token);
            var kept = storage.WriteAsync(keptKey, TestData.Record(2), null, Cancel);
            abandon.Cancel();
            return (abandoned, kept);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var keptETag = await kept;
        Assert.Equal(keptETag, (await storage.ReadAsync(keptKey, Cancel))?.ETag);
        Assert.Equal([1], metrics.BatchSizes);
        Assert.Null(await storage.ReadAsync(abandonedKey, Cancel));
    }

    /// <summary>
    /// Takes the pool's only connection, lets <paramref name="queue"/> start writes (they queue: the
    /// writer loop waits for that connection before taking any), then gives the connection back so the
    /// writer sends everything queued at once.
    /// </summary>
    private async Task<T> WhileHoldingTheOnlyConnectionAsync<T>(ServiceProvider services, Func<T> queue)
    {
        T queued;
        await using (await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(Cancel))
        {
            queued = queue();
        }

        return queued;
    }

    private async Task<PostgresGrainStorage> InitializedStorageAsync(ServiceProvider services)
    {
        var storage = (PostgresGrainStorage)services.GetRequiredKeyedService<IGrainStorage>(StorageName);
        await storage.InitializeAsync(Cancel);
        return storage;
    }

    /// <summary>
    /// The database's committed-transaction counter, including everything the pool's one backend has done.
    /// A backend publishes its statistics lazily (at most once a second when idle); pg_stat_force_next_flush
    /// makes it publish as soon as that statement completes, before it reads the next one.
    /// </summary>
    private async Task<long> ReadCommitCounterAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(Cancel);
        await using (var flush = new NpgsqlCommand("SELECT pg_stat_force_next_flush()", connection))
        {
            await flush.ExecuteNonQueryAsync(Cancel);
        }

        await using var read = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await read.ExecuteScalarAsync(Cancel))!;
    }

    public void Dispose() => _deadline.Dispose();
}

using OrderEngine.Runtime;
using OrderEngine.Runtime.Persistence;
using Xunit;

namespace OrderEngine.Persistence.Tests;

/// <summary>
/// The behaviour every <see cref="IGrainStorage"/> must have, written once and run against each provider.
/// Each test gets a fresh storage (its own partition) and fresh grain keys.
/// </summary>
public abstract class GrainStorageConformanceTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _deadline = new(TestData.Deadline);
    private IGrainStorage? _storage;

    protected IGrainStorage Storage => _storage ?? throw new InvalidOperationException("The storage is created in InitializeAsync.");

    /// <summary>Cancels a test that hangs instead of letting it block the run.</summary>
    protected CancellationToken Cancel => _deadline.Token;

    public async Task InitializeAsync() => _storage = await CreateStorageAsync($"conformance-{Guid.NewGuid():N}");

    public virtual Task DisposeAsync()
    {
        _deadline.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Creates a storage that holds nothing yet, isolated from other tests' storages.</summary>
    protected abstract Task<IGrainStorage> CreateStorageAsync(string storageName);

    [Fact]
    public async Task Read_of_a_missing_state_returns_null()
    {
        Assert.Null(await Storage.ReadAsync(TestData.NewStateKey(), Cancel));
    }

    [Fact]
    public async Task Write_then_read_round_trips_payload_outbox_and_etag()
    {
        var withOutbox = TestData.NewStateKey();
        var withoutOutbox = TestData.NewStateKey();
        var first = TestData.Record(5, TestData.Outbox(1));
        var second = TestData.Record(7);

        var firstETag = await Storage.WriteAsync(withOutbox, first, null, Cancel);
        var secondETag = await Storage.WriteAsync(withoutOutbox, second, null, Cancel);

        var readFirst = await Storage.ReadAsync(withOutbox, Cancel);
        var readSecond = await Storage.ReadAsync(withoutOutbox, Cancel);
        Assert.NotNull(readFirst);
        Assert.NotNull(readSecond);
        TestData.AssertRecordEqual(first, readFirst.Record);
        TestData.AssertRecordEqual(second, readSecond.Record);
        Assert.Null(readSecond.Record.Outbox);
        Assert.Equal(firstETag, readFirst.ETag);
        Assert.Equal(secondETag, readSecond.ETag);
    }

    [Fact]
    public async Task Every_write_returns_a_new_etag()
    {
        var key = TestData.NewStateKey();
        var eTags = new List<string>();
        string? current = null;
        for (var i = 0; i < 5; i++)
        {
            current = await Storage.WriteAsync(key, TestData.Record(i), current, Cancel);
            eTags.Add(current);
        }

        Assert.Equal(5, eTags.Distinct(StringComparer.Ordinal).Count());
        var stored = await Storage.ReadAsync(key, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(eTags[^1], stored.ETag);
        TestData.AssertRecordEqual(TestData.Record(4), stored.Record);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_throws_and_changes_nothing()
    {
        var key = TestData.NewStateKey();
        var stale = await Storage.WriteAsync(key, TestData.Record(1), null, Cancel);
        var current = await Storage.WriteAsync(key, TestData.Record(2, TestData.Outbox(2)), stale, Cancel);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(key, TestData.Record(3), stale, Cancel));

        Assert.Equal(stale, exception.CurrentETag);
        var stored = await Storage.ReadAsync(key, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(current, stored.ETag);
        TestData.AssertRecordEqual(TestData.Record(2, TestData.Outbox(2)), stored.Record);
    }

    [Fact]
    public async Task Write_with_an_etag_the_provider_never_issued_throws()
    {
        var key = TestData.NewStateKey();
        var current = await Storage.WriteAsync(key, TestData.Record(1), null, Cancel);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(key, TestData.Record(2), "not-an-etag", Cancel));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(TestData.NewStateKey(), TestData.Record(2), current, Cancel));

        var stored = await Storage.ReadAsync(key, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(current, stored.ETag);
    }

    [Fact]
    public async Task Insert_over_an_existing_record_throws_and_changes_nothing()
    {
        var key = TestData.NewStateKey();
        var current = await Storage.WriteAsync(key, TestData.Record(1), null, Cancel);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(key, TestData.Record(9), null, Cancel));

        Assert.Null(exception.CurrentETag);
        var stored = await Storage.ReadAsync(key, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(current, stored.ETag);
        TestData.AssertRecordEqual(TestData.Record(1), stored.Record);
    }

    [Fact]
    public async Task Clear_with_the_current_etag_deletes_the_record()
    {
        var key = TestData.NewStateKey();
        var current = await Storage.WriteAsync(key, TestData.Record(1, TestData.Outbox(1)), null, Cancel);

        await Storage.ClearAsync(key, current, Cancel);

        Assert.Null(await Storage.ReadAsync(key, Cancel));
        var recreated = await Storage.WriteAsync(key, TestData.Record(2), null, Cancel);
        var stored = await Storage.ReadAsync(key, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(recreated, stored.ETag);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_throws_and_keeps_the_record()
    {
        var key = TestData.NewStateKey();
        var stale = await Storage.WriteAsync(key, TestData.Record(1), null, Cancel);
        var current = await Storage.WriteAsync(key, TestData.Record(2), stale, Cancel);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(key, stale, Cancel));

        var stored = await Storage.ReadAsync(key, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(current, stored.ETag);
        TestData.AssertRecordEqual(TestData.Record(2), stored.Record);
    }

    [Fact]
    public async Task Clear_without_an_etag_throws_when_a_record_exists()
    {
        var key = TestData.NewStateKey();
        var current = await Storage.WriteAsync(key, TestData.Record(1), null, Cancel);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(key, null, Cancel));

        var stored = await Storage.ReadAsync(key, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(current, stored.ETag);
    }

    [Fact]
    public async Task Clear_of_a_missing_record_without_an_etag_is_a_no_op()
    {
        var key = TestData.NewStateKey();

        await Storage.ClearAsync(key, null, Cancel);

        Assert.Null(await Storage.ReadAsync(key, Cancel));
        var inserted = await Storage.WriteAsync(key, TestData.Record(1), null, Cancel);
        Assert.Equal(inserted, (await Storage.ReadAsync(key, Cancel))?.ETag);
    }

    [Fact]
    public async Task Clear_of_a_missing_record_with_an_etag_throws()
    {
        var key = TestData.NewStateKey();
        var old = await Storage.WriteAsync(key, TestData.Record(1), null, Cancel);
        await Storage.ClearAsync(key, old, Cancel);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(key, old, Cancel));

        Assert.Null(await Storage.ReadAsync(key, Cancel));
    }

    [Fact]
    public async Task Etags_of_a_cleared_record_never_match_the_record_inserted_after_it()
    {
        var key = TestData.NewStateKey();
        var first = await Storage.WriteAsync(key, TestData.Record(1), null, Cancel);
        var second = await Storage.WriteAsync(key, TestData.Record(2), first, Cancel);
        await Storage.ClearAsync(key, second, Cancel);
        string[] earlier = [first, second];

        var reinserted = await Storage.WriteAsync(key, TestData.Record(3), null, Cancel);
        await AssertEveryETagIsRejectedAsync(key, earlier, reinserted, TestData.Record(3));
        var rewritten = await Storage.WriteAsync(key, TestData.Record(4, TestData.Outbox(4)), reinserted, Cancel);
        await AssertEveryETagIsRejectedAsync(key, earlier, rewritten, TestData.Record(4, TestData.Outbox(4)));

        Assert.Equal(4, new[] { first, second, reinserted, rewritten }.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_state_of_several_megabytes_round_trips()
    {
        var key = TestData.NewStateKey();
        var payload = TestData.LargeJson(megabytes: 4);
        var outbox = TestData.LargeJson(megabytes: 1);
        Assert.True(payload.Length > 4 * 1024 * 1024, $"payload is only {payload.Length} characters");

        var eTag = await Storage.WriteAsync(key, new GrainStateRecord(payload, outbox), null, Cancel);

        var stored = await Storage.ReadAsync(key, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(eTag, stored.ETag);
        TestData.AssertJsonEqual(payload, stored.Record.Payload);
        TestData.AssertJsonEqual(outbox, stored.Record.Outbox);
    }

    [Fact]
    public async Task Of_fifty_writers_racing_with_the_same_etag_exactly_one_wins()
    {
        const int writers = 50;
        var key = TestData.NewStateKey();
        var eTag = await Storage.WriteAsync(key, TestData.Record(0), null, Cancel);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(1, writers).Select(async stock =>
        {
            await start.Task;
            try
            {
                return (Stock: stock, ETag: await Storage.WriteAsync(key, TestData.Record(stock), eTag, Cancel));
            }
            catch (InconsistentStateException)
            {
                return (Stock: stock, ETag: (string?)null);
            }
        }).ToList();

        start.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, outcome => outcome.ETag is not null);
        Assert.Equal(writers - 1, outcomes.Count(outcome => outcome.ETag is null));
        var stored = await Storage.ReadAsync(key, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(winner.ETag, stored.ETag);
        TestData.AssertRecordEqual(TestData.Record(winner.Stock), stored.Record);
    }

    [Fact]
    public async Task Pending_outbox_lists_exactly_the_records_whose_outbox_is_not_null()
    {
        var pending = new List<GrainStateKey>();
        for (var i = 0; i < 3; i++)
        {
            var key = TestData.NewStateKey();
            await Storage.WriteAsync(key, TestData.Record(i, TestData.Outbox(i)), null, Cancel);
            pending.Add(key);
        }

        for (var i = 0; i < 2; i++)
        {
            await Storage.WriteAsync(TestData.NewStateKey(), TestData.Record(i), null, Cancel);
        }

        var published = TestData.NewStateKey();
        var withOutbox = await Storage.WriteAsync(published, TestData.Record(1, TestData.Outbox(1)), null, Cancel);
        await Storage.WriteAsync(published, TestData.Record(1), withOutbox, Cancel);
        var cleared = TestData.NewStateKey();
        await Storage.ClearAsync(cleared, await Storage.WriteAsync(cleared, TestData.Record(1, TestData.Outbox(1)), null, Cancel), Cancel);

        var listed = await Storage.ListPendingOutboxAsync(100, Cancel);
        var limited = await Storage.ListPendingOutboxAsync(2, Cancel);

        Assert.Equal(pending.ToHashSet(), listed.ToHashSet());
        Assert.Equal(3, listed.Count);
        Assert.Equal(2, limited.Count);
        Assert.Subset(pending.ToHashSet(), limited.ToHashSet());
    }

    /// <summary>
    /// Writes and clears with each of <paramref name="staleETags"/> must throw and leave the record at
    /// <paramref name="currentETag"/> with <paramref name="currentRecord"/>.
    /// </summary>
    private async Task AssertEveryETagIsRejectedAsync(GrainStateKey key, IEnumerable<string> staleETags, string currentETag, GrainStateRecord currentRecord)
    {
        foreach (var stale in staleETags)
        {
            var write = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(key, TestData.Record(99, TestData.Outbox(99)), stale, Cancel));
            var clear = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(key, stale, Cancel));

            Assert.Equal(stale, write.CurrentETag);
            Assert.Equal(stale, clear.CurrentETag);
        }

        var stored = await Storage.ReadAsync(key, Cancel);
        Assert.NotNull(stored);
        Assert.Equal(currentETag, stored.ETag);
        TestData.AssertRecordEqual(currentRecord, stored.Record);
    }
}

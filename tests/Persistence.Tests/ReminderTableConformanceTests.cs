using OrderEngine.Runtime;
using OrderEngine.Runtime.Reminders;
using Xunit;

namespace OrderEngine.Persistence.Tests;

/// <summary>
/// The behaviour every <see cref="IReminderTable"/> must have, written once and run against each provider.
/// Tests share a table per class, so each uses its own grain type and asserts on its own rows only.
/// </summary>
public abstract class ReminderTableConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset StartAt = new(2031, 5, 17, 13, 45, 12, 345, TimeSpan.FromHours(2));

    private readonly CancellationTokenSource _deadline = new(TestData.Deadline);
    private readonly string _grainType = $"reminders-{Guid.NewGuid():N}";
    private IReminderTable? _table;

    protected IReminderTable Table => _table ?? throw new InvalidOperationException("The table is created in InitializeAsync.");

    protected CancellationToken Cancel => _deadline.Token;

    public async Task InitializeAsync() => _table = await CreateTableAsync();

    public virtual Task DisposeAsync()
    {
        _deadline.Dispose();
        return Task.CompletedTask;
    }

    protected abstract Task<IReminderTable> CreateTableAsync();

    [Fact]
    public async Task Upsert_then_read_round_trips_start_period_and_etag()
    {
        var periodic = new ReminderEntry(NewGrain(), "expire", StartAt, TimeSpan.FromMilliseconds(90_500), null);
        var oneShot = new ReminderEntry(NewGrain(), "payment-timeout", StartAt.AddMilliseconds(1), Timeout.InfiniteTimeSpan, null);

        var periodicETag = await Table.UpsertAsync(periodic, Cancel);
        var oneShotETag = await Table.UpsertAsync(oneShot, Cancel);

        var readPeriodic = await Table.ReadAsync(periodic.GrainId, periodic.ReminderName, Cancel);
        var readOneShot = await Table.ReadAsync(oneShot.GrainId, oneShot.ReminderName, Cancel);
        Assert.Equal(periodic with { ETag = periodicETag }, readPeriodic);
        Assert.Equal(oneShot with { ETag = oneShotETag }, readOneShot);
        Assert.Equal(StartAt.UtcTicks, readPeriodic!.StartAt.UtcTicks);
        Assert.True(readOneShot!.IsOneShot);
        Assert.Equal(Timeout.InfiniteTimeSpan, readOneShot.Period);
    }

    [Fact]
    public async Task Upsert_rejects_a_negative_period_other_than_one_shot()
    {
        var grain = NewGrain();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Table.UpsertAsync(new ReminderEntry(grain, "bad", StartAt, TimeSpan.FromSeconds(-1), null), Cancel));

        Assert.Empty(await Table.ReadGrainAsync(grain, Cancel));
    }

    [Fact]
    public async Task Read_of_a_missing_reminder_returns_null()
    {
        var grain = NewGrain();
        await Table.UpsertAsync(new ReminderEntry(grain, "present", StartAt, TimeSpan.FromMinutes(1), null), Cancel);

        Assert.Null(await Table.ReadAsync(grain, "absent", Cancel));
        Assert.Null(await Table.ReadAsync(NewGrain(), "present", Cancel));
    }

    [Fact]
    public async Task Upsert_replaces_the_row_and_changes_the_etag()
    {
        var grain = NewGrain();
        var first = await Table.UpsertAsync(new ReminderEntry(grain, "expire", StartAt, TimeSpan.FromMinutes(1), null), Cancel);
        var replacement = new ReminderEntry(grain, "expire", StartAt.AddMinutes(5), Timeout.InfiniteTimeSpan, first);

        var second = await Table.UpsertAsync(replacement, Cancel);

        Assert.NotEqual(first, second);
        Assert.Equal(replacement with { ETag = second }, await Table.ReadAsync(grain, "expire", Cancel));
        Assert.Single(await Table.ReadGrainAsync(grain, Cancel));
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_returns_false_and_keeps_the_row()
    {
        var grain = NewGrain();
        var entry = new ReminderEntry(grain, "expire", StartAt, TimeSpan.FromMinutes(1), null);
        var stale = await Table.UpsertAsync(entry, Cancel);
        var current = await Table.UpsertAsync(entry, Cancel);

        Assert.False(await Table.RemoveAsync(grain, "expire", stale, Cancel));
        Assert.False(await Table.RemoveAsync(grain, "expire", "not-an-etag", Cancel));

        Assert.Equal(entry with { ETag = current }, await Table.ReadAsync(grain, "expire", Cancel));
    }

    [Fact]
    public async Task Remove_with_the_current_etag_removes_the_row_once()
    {
        var grain = NewGrain();
        var kept = new ReminderEntry(grain, "kept", StartAt, TimeSpan.FromMinutes(1), null);
        var keptETag = await Table.UpsertAsync(kept, Cancel);
        var current = await Table.UpsertAsync(new ReminderEntry(grain, "expire", StartAt, TimeSpan.FromMinutes(1), null), Cancel);

        Assert.True(await Table.RemoveAsync(grain, "expire", current, Cancel));
        Assert.False(await Table.RemoveAsync(grain, "expire", current, Cancel));

        Assert.Null(await Table.ReadAsync(grain, "expire", Cancel));
        Assert.Equal([kept with { ETag = keptETag }], await Table.ReadGrainAsync(grain, Cancel));
    }

    [Fact]
    public async Task Etags_of_a_removed_reminder_never_match_the_reminder_upserted_after_it()
    {
        var grain = NewGrain();
        var entry = new ReminderEntry(grain, "expire", StartAt, TimeSpan.FromMinutes(1), null);
        var first = await Table.UpsertAsync(entry, Cancel);
        var second = await Table.UpsertAsync(entry, Cancel);
        Assert.True(await Table.RemoveAsync(grain, "expire", second, Cancel));
        string[] earlier = [first, second];

        var reinserted = await Table.UpsertAsync(entry, Cancel);
        await AssertEveryETagIsRejectedAsync(earlier, entry with { ETag = reinserted });
        var replacement = entry with { StartAt = StartAt.AddMinutes(1), Period = Timeout.InfiniteTimeSpan };
        var rewritten = await Table.UpsertAsync(replacement, Cancel);
        await AssertEveryETagIsRejectedAsync(earlier, replacement with { ETag = rewritten });

        Assert.Equal(4, new[] { first, second, reinserted, rewritten }.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Read_grain_returns_exactly_that_grains_reminders()
    {
        var grain = NewGrain();
        var other = NewGrain();
        var expire = new ReminderEntry(grain, "expire", StartAt, TimeSpan.FromMinutes(1), null);
        var timeout = new ReminderEntry(grain, "timeout", StartAt.AddSeconds(30), Timeout.InfiniteTimeSpan, null);
        var expireETag = await Table.UpsertAsync(expire, Cancel);
        var timeoutETag = await Table.UpsertAsync(timeout, Cancel);
        await Table.UpsertAsync(new ReminderEntry(other, "expire", StartAt, TimeSpan.FromMinutes(1), null), Cancel);

        var rows = await Table.ReadGrainAsync(grain, Cancel);

        Assert.Equal(
            [expire with { ETag = expireETag }, timeout with { ETag = timeoutETag }],
            rows.OrderBy(row => row.ReminderName, StringComparer.Ordinal));
        Assert.Empty(await Table.ReadGrainAsync(NewGrain(), Cancel));
    }

    [Fact]
    public async Task Read_range_holds_hashes_above_begin_up_to_and_including_end()
    {
        var rows = await UpsertSpreadAsync();

        var range = await ReadOwnRangeAsync(rows[1].GrainHash, rows[3].GrainHash);

        Assert.Equal([rows[2], rows[3]], range);
    }

    [Fact]
    public async Task Read_range_with_begin_above_end_wraps_around()
    {
        var rows = await UpsertSpreadAsync();

        var range = await ReadOwnRangeAsync(rows[4].GrainHash, rows[1].GrainHash);

        Assert.Equal([rows[0], rows[1], rows[5]], range);
    }

    [Fact]
    public async Task Read_range_with_begin_equal_to_end_holds_everything()
    {
        var rows = await UpsertSpreadAsync();

        Assert.Equal(rows, await ReadOwnRangeAsync(rows[2].GrainHash, rows[2].GrainHash));
        Assert.Equal(rows, await ReadOwnRangeAsync(0, 0));
    }

    [Fact]
    public async Task Read_range_reaches_both_ends_of_the_ring()
    {
        var rows = await UpsertSpreadAsync();

        Assert.Equal([rows[4], rows[5]], await ReadOwnRangeAsync(rows[3].GrainHash, uint.MaxValue));
        Assert.Equal([rows[0]], await ReadOwnRangeAsync(uint.MaxValue, rows[0].GrainHash));
        Assert.Equal([rows[0], rows[1], rows[2]], await ReadOwnRangeAsync(0, rows[2].GrainHash));
    }

    private GrainId NewGrain() => TestData.NewGrain(_grainType);

    /// <summary>Removing with each of <paramref name="staleETags"/> must return false and keep <paramref name="current"/> as it is.</summary>
    private async Task AssertEveryETagIsRejectedAsync(IEnumerable<string> staleETags, ReminderEntry current)
    {
        foreach (var stale in staleETags)
        {
            Assert.False(await Table.RemoveAsync(current.GrainId, current.ReminderName, stale, Cancel));
        }

        Assert.Equal(current, await Table.ReadAsync(current.GrainId, current.ReminderName, Cancel));
        Assert.Equal([current], await Table.ReadGrainAsync(current.GrainId, Cancel));
    }

    /// <summary>Six stored reminders of fresh grains, sorted by hash: three below 2^31 and three above.</summary>
    private async Task<List<ReminderEntry>> UpsertSpreadAsync()
    {
        var low = new List<GrainId>();
        var high = new List<GrainId>();
        while (low.Count < 3 || high.Count < 3)
        {
            var grain = NewGrain();
            var half = grain.GetUniformHashCode() > int.MaxValue ? high : low;
            if (half.Count < 3)
            {
                half.Add(grain);
            }
        }

        var rows = new List<ReminderEntry>();
        foreach (var grain in low.Concat(high))
        {
            var entry = new ReminderEntry(grain, "tick", StartAt, TimeSpan.FromSeconds(10), null);
            rows.Add(entry with { ETag = await Table.UpsertAsync(entry, Cancel) });
        }

        return [.. rows.OrderBy(row => row.GrainHash)];
    }

    /// <summary>This test's rows in the range, sorted by hash (other tests' rows are ignored).</summary>
    private async Task<List<ReminderEntry>> ReadOwnRangeAsync(uint beginExclusive, uint endInclusive)
    {
        var rows = await Table.ReadRangeAsync(beginExclusive, endInclusive, Cancel);
        return [.. rows.Where(row => row.GrainId.Type == _grainType).OrderBy(row => row.GrainHash)];
    }
}

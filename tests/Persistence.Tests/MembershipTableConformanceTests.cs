using System.Collections.Immutable;
using OrderEngine.Runtime.Membership;
using Xunit;

namespace OrderEngine.Persistence.Tests;

/// <summary>
/// The behaviour every <see cref="IMembershipTable"/> must have, written once and run against each provider.
/// Each test works in a cluster of its own (a fresh cluster id), so its versions and rows are exact. Times are
/// whole milliseconds: every provider keeps at least that precision.
/// </summary>
public abstract class MembershipTableConformanceTests : IAsyncLifetime
{
    private const int Contenders = 20;

    private static readonly DateTimeOffset StartedAt = new(2031, 5, 17, 13, 45, 12, 345, TimeSpan.FromHours(2));

    private readonly CancellationTokenSource _deadline = new(TestData.Deadline);
    private readonly string _clusterId = NewClusterId();
    private int _nextPort = 11111;
    private IMembershipTable? _table;

    /// <summary>The table of this test's cluster, initialized.</summary>
    protected IMembershipTable Table => _table ?? throw new InvalidOperationException("The table is created in InitializeAsync.");

    protected CancellationToken Cancel => _deadline.Token;

    public async Task InitializeAsync()
    {
        _table = await CreateTableAsync(_clusterId);
        await Table.InitializeAsync(Cancel);
    }

    public virtual Task DisposeAsync()
    {
        _deadline.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A table for <paramref name="clusterId"/> as one more silo would open it: on the same store as every table this
    /// test created before (for the memory provider, the one shared instance of that cluster). Not initialized.
    /// </summary>
    protected abstract Task<IMembershipTable> CreateTableAsync(string clusterId);

    [Fact]
    public async Task A_new_cluster_reads_empty_at_version_0()
    {
        var snapshot = await Table.ReadAllAsync(Cancel);

        Assert.Empty(snapshot.Rows);
        Assert.Equal(0, snapshot.Version);
    }

    [Fact]
    public async Task Initialize_again_keeps_the_version_and_the_rows()
    {
        var entry = NewEntry();
        Assert.True(await Table.TryInsertAsync(entry, 0, Cancel));

        await Table.InitializeAsync(Cancel);
        await Table.InitializeAsync(Cancel);

        var snapshot = await Table.ReadAllAsync(Cancel);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal([entry], snapshot.Rows.Select(row => row.Entry));
    }

    [Fact]
    public async Task Silos_initializing_at_once_share_one_version_and_see_each_others_rows()
    {
        var silos = new List<IMembershipTable>();
        for (var i = 0; i < 4; i++)
        {
            silos.Add(await CreateTableAsync(_clusterId));
        }

        await Task.WhenAll(silos.Select(silo => silo.InitializeAsync(Cancel)));
        var first = NewEntry();
        var second = NewEntry();
        Assert.True(await silos[0].TryInsertAsync(first, 0, Cancel));
        Assert.True(await silos[1].TryInsertAsync(second, 1, Cancel));

        foreach (var silo in silos.Append(Table))
        {
            var snapshot = await silo.ReadAllAsync(Cancel);
            Assert.Equal(2, snapshot.Version);
            Assert.Equal([first, second], snapshot.Rows.Select(row => row.Entry));
        }
    }

    [Fact]
    public async Task Read_of_a_cluster_without_version_throws_until_initialized()
    {
        var uninitialized = await CreateTableAsync(NewClusterId());

        await Assert.ThrowsAsync<InvalidOperationException>(() => uninitialized.ReadAllAsync(Cancel));
        Assert.False(await uninitialized.TryInsertAsync(NewEntry(), 0, Cancel));

        await uninitialized.InitializeAsync(Cancel);
        Assert.Equal(new MembershipSnapshot([], 0), await uninitialized.ReadAllAsync(Cancel));
    }

    [Fact]
    public async Task Insert_at_the_current_version_adds_the_row_and_bumps_the_version()
    {
        var entry = NewEntry();

        Assert.True(await Table.TryInsertAsync(entry, 0, Cancel));

        var snapshot = await Table.ReadAllAsync(Cancel);
        Assert.Equal(1, snapshot.Version);
        var row = Assert.Single(snapshot.Rows);
        Assert.Equal(entry, row.Entry);
        Assert.Equal(row, snapshot.Find(entry.Silo));
        Assert.Null(snapshot.Find(NewSilo()));
    }

    [Fact]
    public async Task Insert_at_a_stale_or_future_version_returns_false_and_changes_nothing()
    {
        Assert.True(await Table.TryInsertAsync(NewEntry(), 0, Cancel));
        var before = await Table.ReadAllAsync(Cancel);

        Assert.False(await Table.TryInsertAsync(NewEntry(), 0, Cancel));
        Assert.False(await Table.TryInsertAsync(NewEntry(), 2, Cancel));

        Assert.Equal(before, await Table.ReadAllAsync(Cancel));
    }

    [Fact]
    public async Task Insert_of_a_silo_already_present_returns_false_and_changes_nothing()
    {
        var entry = NewEntry();
        Assert.True(await Table.TryInsertAsync(entry, 0, Cancel));
        var before = await Table.ReadAllAsync(Cancel);

        Assert.False(await Table.TryInsertAsync(entry with { Status = SiloStatus.Active, SiloName = "impostor" }, 1, Cancel));

        Assert.Equal(before, await Table.ReadAllAsync(Cancel));
    }

    [Fact]
    public async Task Rows_are_ordered_by_host_then_port_then_generation()
    {
        SiloAddress[] ordered =
        [
            new("10.0.0.10", 11112, 5),
            new("10.0.0.9", 11111, 7),
            new("10.0.0.9", 11112, 3),
            new("10.0.0.9", 11112, 4),
        ];
        var version = 0L;
        foreach (var silo in new[] { ordered[2], ordered[0], ordered[3], ordered[1] })
        {
            Assert.True(await Table.TryInsertAsync(NewEntry() with { Silo = silo }, version++, Cancel));
        }

        Assert.Equal(ordered, (await Table.ReadAllAsync(Cancel)).Rows.Select(row => row.Entry.Silo));
    }

    [Fact]
    public async Task Update_with_the_current_etag_and_version_replaces_every_column()
    {
        var entry = NewEntry();
        Assert.True(await Table.TryInsertAsync(entry, 0, Cancel));
        var inserted = Assert.Single((await Table.ReadAllAsync(Cancel)).Rows);
        var suspected = entry with
        {
            Status = SiloStatus.Active,
            SiloName = "silo-renamed",
            HostName = "pod-7",
            HttpAddress = null,
            StartedAt = StartedAt.AddMilliseconds(-1),
            IAmAliveAt = StartedAt.AddSeconds(30),
            Suspicions = [new SuspectVote(NewSilo(), StartedAt.AddSeconds(31)), new SuspectVote(NewSilo(), StartedAt.AddSeconds(32).AddMilliseconds(7))],
        };

        Assert.True(await Table.TryUpdateAsync(suspected, inserted.ETag, 1, Cancel));

        var afterFirst = await Table.ReadAllAsync(Cancel);
        Assert.Equal(2, afterFirst.Version);
        var updated = Assert.Single(afterFirst.Rows);
        Assert.Equal(suspected, updated.Entry);
        Assert.Equal<SuspectVote>(suspected.Suspicions, updated.Entry.Suspicions);
        Assert.NotEqual(inserted.ETag, updated.ETag);

        var dead = suspected with { Status = SiloStatus.Dead, HttpAddress = "http://10.0.0.7:8081", Suspicions = [] };
        Assert.True(await Table.TryUpdateAsync(dead, updated.ETag, 2, Cancel));

        var afterSecond = await Table.ReadAllAsync(Cancel);
        Assert.Equal(3, afterSecond.Version);
        var final = Assert.Single(afterSecond.Rows);
        Assert.Equal(dead, final.Entry);
        Assert.Empty(final.Entry.Suspicions);
        Assert.Equal(3, new[] { inserted.ETag, updated.ETag, final.ETag }.Distinct().Count());
    }

    [Fact]
    public async Task Update_with_a_stale_etag_returns_false_and_changes_nothing()
    {
        var entry = NewEntry();
        Assert.True(await Table.TryInsertAsync(entry, 0, Cancel));
        var stale = Assert.Single((await Table.ReadAllAsync(Cancel)).Rows).ETag;
        Assert.True(await Table.TryUpdateAsync(entry with { Status = SiloStatus.Active }, stale, 1, Cancel));
        var before = await Table.ReadAllAsync(Cancel);

        Assert.False(await Table.TryUpdateAsync(entry with { Status = SiloStatus.Dead }, stale, 2, Cancel));

        Assert.Equal(before, await Table.ReadAllAsync(Cancel));
    }

    [Fact]
    public async Task Update_with_a_stale_version_returns_false_and_changes_nothing()
    {
        var entry = NewEntry();
        Assert.True(await Table.TryInsertAsync(entry, 0, Cancel));
        var eTag = Assert.Single((await Table.ReadAllAsync(Cancel)).Rows).ETag;
        Assert.True(await Table.TryInsertAsync(NewEntry(), 1, Cancel));
        var before = await Table.ReadAllAsync(Cancel);

        Assert.False(await Table.TryUpdateAsync(entry with { Status = SiloStatus.Active }, eTag, 1, Cancel));
        Assert.False(await Table.TryUpdateAsync(entry with { Status = SiloStatus.Active }, eTag, 3, Cancel));

        Assert.Equal(before, await Table.ReadAllAsync(Cancel));
        Assert.True(await Table.TryUpdateAsync(entry with { Status = SiloStatus.Active }, eTag, 2, Cancel));
    }

    [Fact]
    public async Task Update_of_a_missing_row_returns_false_and_changes_nothing()
    {
        Assert.True(await Table.TryInsertAsync(NewEntry(), 0, Cancel));
        var before = await Table.ReadAllAsync(Cancel);

        Assert.False(await Table.TryUpdateAsync(NewEntry(), before.Rows[0].ETag, 1, Cancel));

        Assert.Equal(before, await Table.ReadAllAsync(Cancel));
    }

    [Fact]
    public async Task IAmAlive_changes_only_the_time_not_the_etag_or_the_version()
    {
        var entry = NewEntry();
        var other = NewEntry();
        Assert.True(await Table.TryInsertAsync(entry, 0, Cancel));
        Assert.True(await Table.TryInsertAsync(other, 1, Cancel));
        var before = await Table.ReadAllAsync(Cancel);
        var alive = StartedAt.AddMinutes(3).AddMilliseconds(21);

        await Table.UpdateIAmAliveAsync(entry.Silo, alive, Cancel);

        var after = await Table.ReadAllAsync(Cancel);
        Assert.Equal(2, after.Version);
        Assert.Equal(before.Find(entry.Silo)! with { Entry = entry with { IAmAliveAt = alive } }, after.Find(entry.Silo));
        Assert.Equal(before.Find(other.Silo), after.Find(other.Silo));
        Assert.True(await Table.TryUpdateAsync(entry with { Status = SiloStatus.Active, IAmAliveAt = alive }, before.Find(entry.Silo)!.ETag, 2, Cancel));
    }

    [Fact]
    public async Task IAmAlive_of_a_missing_row_changes_nothing()
    {
        Assert.True(await Table.TryInsertAsync(NewEntry(), 0, Cancel));
        var before = await Table.ReadAllAsync(Cancel);

        await Table.UpdateIAmAliveAsync(NewSilo(), StartedAt.AddMinutes(1), Cancel);

        Assert.Equal(before, await Table.ReadAllAsync(Cancel));
    }

    [Fact]
    public async Task Cleanup_deletes_only_dead_rows_alive_last_before_the_cutoff_and_keeps_the_version()
    {
        var cutoff = StartedAt.AddHours(1);
        var deadLongAgo = NewEntry(SiloStatus.Dead, cutoff.AddMinutes(-30));
        var deadJustBefore = NewEntry(SiloStatus.Dead, cutoff.AddMilliseconds(-1));
        var deadAtCutoff = NewEntry(SiloStatus.Dead, cutoff);
        var deadAfter = NewEntry(SiloStatus.Dead, cutoff.AddSeconds(1));
        var activeLongAgo = NewEntry(SiloStatus.Active, cutoff.AddMinutes(-30));
        var shuttingDownLongAgo = NewEntry(SiloStatus.ShuttingDown, cutoff.AddMinutes(-30));
        var version = 0L;
        foreach (var entry in new[] { deadLongAgo, deadJustBefore, deadAtCutoff, deadAfter, activeLongAgo, shuttingDownLongAgo })
        {
            Assert.True(await Table.TryInsertAsync(entry, version++, Cancel));
        }

        var before = await Table.ReadAllAsync(Cancel);

        Assert.Equal(2, await Table.CleanupDefunctAsync(cutoff, Cancel));
        Assert.Equal(0, await Table.CleanupDefunctAsync(cutoff, Cancel));

        var after = await Table.ReadAllAsync(Cancel);
        Assert.Equal(6, after.Version);
        Assert.Equal(before.Rows.Where(row => row.Entry != deadLongAgo && row.Entry != deadJustBefore), after.Rows);
    }

    [Fact]
    public async Task Etags_of_a_deleted_row_never_match_the_row_inserted_again()
    {
        var entry = NewEntry();
        var eTags = new List<long>();
        Assert.True(await Table.TryInsertAsync(entry, 0, Cancel));
        eTags.Add(Assert.Single((await Table.ReadAllAsync(Cancel)).Rows).ETag);
        Assert.True(await Table.TryUpdateAsync(entry with { Status = SiloStatus.Dead }, eTags[^1], 1, Cancel));
        eTags.Add(Assert.Single((await Table.ReadAllAsync(Cancel)).Rows).ETag);
        Assert.Equal(1, await Table.CleanupDefunctAsync(StartedAt.AddYears(1), Cancel));

        Assert.True(await Table.TryInsertAsync(entry, 2, Cancel));
        eTags.Add(Assert.Single((await Table.ReadAllAsync(Cancel)).Rows).ETag);
        await Table.DeleteClusterAsync(Cancel);
        await Table.InitializeAsync(Cancel);
        Assert.True(await Table.TryInsertAsync(entry, 0, Cancel));
        var current = Assert.Single((await Table.ReadAllAsync(Cancel)).Rows).ETag;

        Assert.DoesNotContain(current, eTags);
        Assert.Equal(eTags.Count, eTags.Distinct().Count());
        foreach (var stale in eTags)
        {
            Assert.False(await Table.TryUpdateAsync(entry with { Status = SiloStatus.Active }, stale, 1, Cancel));
        }

        Assert.True(await Table.TryUpdateAsync(entry with { Status = SiloStatus.Active }, current, 1, Cancel));
    }

    [Fact]
    public async Task Delete_cluster_removes_its_rows_and_version()
    {
        Assert.True(await Table.TryInsertAsync(NewEntry(), 0, Cancel));
        Assert.True(await Table.TryInsertAsync(NewEntry(SiloStatus.Dead), 1, Cancel));

        await Table.DeleteClusterAsync(Cancel);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Table.ReadAllAsync(Cancel));
        await Table.InitializeAsync(Cancel);
        Assert.Equal(new MembershipSnapshot([], 0), await Table.ReadAllAsync(Cancel));
    }

    [Fact]
    public async Task Clusters_do_not_see_each_other()
    {
        var otherTable = await CreateTableAsync(NewClusterId());
        await otherTable.InitializeAsync(Cancel);
        var mine = NewEntry(SiloStatus.Dead);
        var theirs = NewEntry(SiloStatus.Dead);
        var shared = NewEntry();
        Assert.True(await Table.TryInsertAsync(mine, 0, Cancel));
        Assert.True(await Table.TryInsertAsync(shared, 1, Cancel));
        Assert.True(await otherTable.TryInsertAsync(theirs, 0, Cancel));
        Assert.True(await otherTable.TryInsertAsync(shared, 1, Cancel));
        var theirETag = (await otherTable.ReadAllAsync(Cancel)).Find(shared.Silo)!.ETag;

        Assert.False(await Table.TryUpdateAsync(shared with { Status = SiloStatus.Active }, theirETag, 2, Cancel));
        await Table.UpdateIAmAliveAsync(shared.Silo, StartedAt.AddDays(1), Cancel);
        Assert.Equal(1, await Table.CleanupDefunctAsync(StartedAt.AddYears(1), Cancel));
        await Table.DeleteClusterAsync(Cancel);

        var other = await otherTable.ReadAllAsync(Cancel);
        Assert.Equal(2, other.Version);
        Assert.Equal([theirs, shared], other.Rows.Select(row => row.Entry));
        Assert.Equal(theirETag, other.Find(shared.Silo)!.ETag);
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_etag_and_version_let_exactly_one_win()
    {
        var entry = NewEntry();
        Assert.True(await Table.TryInsertAsync(entry, 0, Cancel));
        var eTag = Assert.Single((await Table.ReadAllAsync(Cancel)).Rows).ETag;
        var silos = await CreateSilosAsync();
        var contenders = Enumerable.Range(0, Contenders)
            .Select(i => entry with { Status = SiloStatus.Active, SiloName = $"winner-{i}" })
            .ToList();

        var results = await Task.WhenAll(contenders.Select((contender, i) => silos[i % silos.Count].TryUpdateAsync(contender, eTag, 1, Cancel)));

        var winner = Assert.Single(Enumerable.Range(0, Contenders), i => results[i]);
        var after = await Table.ReadAllAsync(Cancel);
        Assert.Equal(2, after.Version);
        Assert.Equal(contenders[winner], Assert.Single(after.Rows).Entry);
    }

    [Fact]
    public async Task Concurrent_inserts_at_the_same_version_let_exactly_one_win()
    {
        var silos = await CreateSilosAsync();
        var contenders = Enumerable.Range(0, Contenders).Select(_ => NewEntry()).ToList();

        var results = await Task.WhenAll(contenders.Select((contender, i) => silos[i % silos.Count].TryInsertAsync(contender, 0, Cancel)));

        var winner = Assert.Single(Enumerable.Range(0, Contenders), i => results[i]);
        var after = await Table.ReadAllAsync(Cancel);
        Assert.Equal(1, after.Version);
        Assert.Equal(contenders[winner], Assert.Single(after.Rows).Entry);
    }

    private static string NewClusterId() => $"cluster-{Guid.NewGuid():N}";

    /// <summary>This test's table and two more silos of its cluster, initialized, so contenders go through different tables.</summary>
    private async Task<List<IMembershipTable>> CreateSilosAsync()
    {
        var silos = new List<IMembershipTable> { Table };
        for (var i = 0; i < 2; i++)
        {
            var silo = await CreateTableAsync(_clusterId);
            await silo.InitializeAsync(Cancel);
            silos.Add(silo);
        }

        return silos;
    }

    private SiloAddress NewSilo() => new("10.0.0.7", _nextPort++, StartedAt.UtcTicks);

    private MembershipEntry NewEntry(SiloStatus status = SiloStatus.Joining, DateTimeOffset? iAmAliveAt = null)
    {
        var silo = NewSilo();
        return new MembershipEntry
        {
            Silo = silo,
            Status = status,
            SiloName = $"silo-{silo.Port}",
            HostName = "pod-1",
            HttpAddress = $"http://10.0.0.7:{silo.Port - 3000}",
            StartedAt = StartedAt,
            IAmAliveAt = iAmAliveAt ?? StartedAt.AddSeconds(1),
            Suspicions = ImmutableArray<SuspectVote>.Empty,
        };
    }
}

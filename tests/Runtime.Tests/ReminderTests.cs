using System.Globalization;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class ReminderTests
{
    [Fact]
    public async Task A_one_shot_reminder_fires_once_at_its_due_time_and_is_removed()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        var table = new MemoryReminderTable();
        await using var silo = await RuntimeSilo.StartAsync(probe, clock, reminders: table);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>(key);
        await grain.Register("unpaid-timeout", TimeSpan.FromMinutes(15), Timeout.InfiniteTimeSpan);
        var due = clock.GetUtcNow() + TimeSpan.FromMinutes(15);

        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, probe.Count($"reminder:{key}"));
        clock.Advance(TimeSpan.FromMilliseconds(1));

        await Eventually.WaitAsync(() => probe.Count($"reminder:{key}:unpaid-timeout:{due:O}:0") == 1, "the reminder fired on time");
        await Eventually.WaitAsync(async () => !await grain.Has("unpaid-timeout"), "the fired one-shot reminder was removed");
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, probe.Count($"reminder:{key}"));
    }

    [Fact]
    public async Task A_periodic_reminder_fires_every_period_until_unregistered()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        await using var silo = await RuntimeSilo.StartAsync(probe, clock);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>(key);
        await grain.Register("sweep", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        for (var tick = 1; tick <= 3; tick++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var expected = tick;
            await Eventually.WaitAsync(() => probe.Count($"reminder:{key}:sweep") == expected, $"tick {expected}");
        }

        await grain.Unregister("sweep");
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, probe.Count($"reminder:{key}:sweep"));
        Assert.False(await grain.Has("sweep"));
    }

    [Fact]
    public async Task A_reminder_survives_a_silo_restart_and_activates_its_grain_on_the_new_silo()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        var table = new MemoryReminderTable();
        var key = Guid.NewGuid().ToString();
        await using (var first = await RuntimeSilo.StartAsync(probe, clock, reminders: table))
        {
            await first.GrainFactory.GetGrain<IReminderGrain>(key).Register("timeout", TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        }

        await using var second = await RuntimeSilo.StartAsync(probe, clock, reminders: table);
        Assert.Null(second.ActivationIdOf(new GrainId("reminder", key)));
        clock.Advance(TimeSpan.FromMinutes(10));

        await Eventually.WaitAsync(() => probe.Count($"reminder:{key}:timeout") == 1, "the reminder fired on the new silo");
        Assert.NotNull(second.ActivationIdOf(new GrainId("reminder", key)));
    }

    [Fact]
    public async Task Ticks_missed_while_no_silo_ran_fire_once_on_recovery()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        var table = new MemoryReminderTable();
        var key = Guid.NewGuid().ToString();
        var start = clock.GetUtcNow();
        var first = await RuntimeSilo.StartAsync(probe, clock, reminders: table);
        await first.GrainFactory.GetGrain<IReminderGrain>(key).Register("sweep", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await first.KillAsync();

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(30));
        await using var second = await RuntimeSilo.StartAsync(probe, clock, reminders: table);

        var latestMissed = start + TimeSpan.FromMinutes(5);
        await Eventually.WaitAsync(() => probe.Count($"reminder:{key}:sweep:{latestMissed:O}") == 1, "the latest missed tick fired");
        clock.Advance(TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync(() => probe.Count($"reminder:{key}:sweep") == 2, "the regular tick after it fired");
        Assert.Equal(1, probe.Count($"reminder:{key}:sweep:{start + TimeSpan.FromMinutes(6):O}"));
    }

    [Fact]
    public async Task The_minimum_period_is_enforced_and_configurable()
    {
        var clock = new ManualTimeProvider();
        await using (var strict = await RuntimeSilo.StartAsync(new GrainProbe(), clock))
        {
            var grain = strict.GrainFactory.GetGrain<IReminderGrain>(Guid.NewGuid().ToString());
            var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Register("fast", TimeSpan.Zero, TimeSpan.FromMilliseconds(500)));
            Assert.Contains("Silo:MinimumReminderPeriod", error.Message, StringComparison.Ordinal);
        }

        await using var relaxed = await RuntimeSilo.StartAsync(new GrainProbe(), clock, options => options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100));
        var fast = relaxed.GrainFactory.GetGrain<IReminderGrain>(Guid.NewGuid().ToString());
        await fast.Register("fast", TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        Assert.True(await fast.Has("fast"));
    }

    [Fact]
    public async Task On_the_real_clock_a_one_shot_reminder_fires_within_a_second_of_its_due_time()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var key = Guid.NewGuid().ToString();

        await silo.GrainFactory.GetGrain<IReminderGrain>(key).Register("soon", TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);

        await Eventually.WaitAsync(() => probe.Count($"reminder:{key}:soon") == 1, "the reminder fired");
        var lateMs = int.Parse(probe.Events.Single(e => e.StartsWith($"reminder:{key}:soon", StringComparison.Ordinal)).Split(':')[^1], CultureInfo.InvariantCulture);
        Assert.InRange(lateMs, 0, 1000);
    }
}

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
}

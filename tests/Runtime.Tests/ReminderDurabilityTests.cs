using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

/// <summary>
/// Reminders outlive the silo that registered them, once per reminder table provider. Each silo
/// opens its own provider instance on the same database, as a restarted process would.
/// </summary>
public abstract class ReminderDurabilityTests
{
    /// <summary>A new provider instance over this test's database (same database every call).</summary>
    protected abstract Task<IReminderTable> OpenTableAsync();

    [Fact]
    public async Task A_reminder_survives_a_silo_restart_and_activates_its_grain_on_the_new_silo()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        var key = Guid.NewGuid().ToString();
        await using (var first = await RuntimeSilo.StartAsync(probe, clock, reminders: await OpenTableAsync()))
        {
            await first.GrainFactory.GetGrain<IReminderGrain>(key).Register("timeout", TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        }

        await using var second = await RuntimeSilo.StartAsync(probe, clock, reminders: await OpenTableAsync());
        Assert.Null(second.ActivationIdOf(new GrainId("reminder", key)));
        clock.Advance(TimeSpan.FromMinutes(10));

        await Eventually.WaitAsync(() => probe.Count($"reminder:{key}:timeout") == 1, "the reminder fired on the new silo");
        Assert.NotNull(second.ActivationIdOf(new GrainId("reminder", key)));
        await Eventually.WaitAsync(async () => !await second.GrainFactory.GetGrain<IReminderGrain>(key).Has("timeout"), "the fired one-shot reminder was removed");
    }

    [Fact]
    public async Task Ticks_missed_while_no_silo_ran_fire_once_on_recovery()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        var key = Guid.NewGuid().ToString();
        var start = clock.GetUtcNow();
        var first = await RuntimeSilo.StartAsync(probe, clock, reminders: await OpenTableAsync());
        await first.GrainFactory.GetGrain<IReminderGrain>(key).Register("sweep", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await first.KillAsync();

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(30));
        await using var second = await RuntimeSilo.StartAsync(probe, clock, reminders: await OpenTableAsync());

        var latestMissed = start + TimeSpan.FromMinutes(5);
        await Eventually.WaitAsync(() => probe.Count($"reminder:{key}:sweep:{latestMissed:O}") == 1, "the latest missed tick fired");
        Assert.Equal(1, probe.Count($"reminder:{key}:sweep"));
        clock.Advance(TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync(() => probe.Count($"reminder:{key}:sweep") == 2, "the regular tick after it fired");
        Assert.Equal(1, probe.Count($"reminder:{key}:sweep:{start + TimeSpan.FromMinutes(6):O}"));
    }
}

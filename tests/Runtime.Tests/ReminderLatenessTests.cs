using System.Globalization;
using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

/// <summary>
/// Reminder lateness on the real clock. Runs alone (no other test class in parallel): it measures
/// the reminder service, not how long a starved thread pool takes to run a timer callback.
/// </summary>
[Collection(RealClockCollection.Name)]
public sealed class ReminderLatenessTests
{
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

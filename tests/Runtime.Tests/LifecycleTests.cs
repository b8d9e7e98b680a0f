using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task A_grain_activates_on_its_first_call_and_keeps_its_activation()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(key);
        Assert.Equal(0, probe.Count($"activated:{key}"));

        var first = await grain.ActivationId();
        var second = await grain.ActivationId();

        Assert.Equal(first, second);
        Assert.Equal([$"activated:{key}:{first}"], probe.Events.Where(e => e.StartsWith($"activated:{key}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_failing_OnActivateAsync_fails_that_call_and_the_next_call_activates_again()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var key = Guid.NewGuid().ToString();
        probe.FailActivations[key] = 1;
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(key);

        var error = await Assert.ThrowsAsync<GrainActivationException>(grain.ActivationId);
        var id = await grain.ActivationId();

        Assert.Equal($"activation of {key} refused", error.InnerException!.Message);
        Assert.Contains($"activated:{key}:{id}", probe.Events);
    }

    [Fact]
    public async Task Calls_queued_behind_a_failing_activation_all_fail_with_its_error()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var key = Guid.NewGuid().ToString();
        probe.FailActivations[key] = 1;
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(key);

        var calls = Enumerable.Range(0, 10).Select(_ => grain.ActivationId()).ToArray();
        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<GrainActivationException>(() => call);
        }

        Assert.NotEqual(Guid.Empty, await grain.ActivationId());
    }

    [Fact]
    public async Task An_idle_activation_is_collected_after_the_collection_age_of_15_minutes()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        await using var silo = await RuntimeSilo.StartAsync(probe, clock);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(key);
        var first = await grain.ActivationId();
        var grainId = new GrainId("lifecycle", key);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(first, silo.ActivationIdOf(grainId));
        var deactivated = silo.DeactivatedAsync(grainId);
        clock.Advance(TimeSpan.FromMinutes(2));
        await deactivated;

        Assert.Contains($"deactivated:{key}:IdleCollected", probe.Events);
        Assert.NotEqual(first, await grain.ActivationId());
    }

    [Fact]
    public async Task A_busy_activation_is_not_collected()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        await using var silo = await RuntimeSilo.StartAsync(probe, clock, options => options.CallTimeout = Timeout.InfiniteTimeSpan);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>(key);
        var open = grain.HoldOpen("busy-" + key);
        await Eventually.WaitAsync(() => probe.Count($"holding:busy-{key}") == 1, "the request is open");

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(0, silo.CollectIdleActivations());
        Assert.NotNull(silo.ActivationIdOf(new GrainId("timer", key)));
        probe.Open("busy-" + key);
        await open;
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_request_and_the_next_call_gets_a_new_activation()
    {
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<ILifecycleGrain>(key);
        var first = await grain.ActivationId();
        var deactivated = silo.DeactivatedAsync(new GrainId("lifecycle", key));

        await grain.DeactivateSelf();
        await deactivated;

        Assert.Contains($"deactivated:{key}:ApplicationRequested", probe.Events);
        Assert.NotEqual(first, await grain.ActivationId());
    }

    [Fact]
    public async Task Graceful_shutdown_runs_every_OnDeactivateAsync()
    {
        var probe = new GrainProbe();
        var silo = await RuntimeSilo.StartAsync(probe);
        var keys = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid().ToString()).ToArray();
        await Task.WhenAll(keys.Select(k => silo.GrainFactory.GetGrain<ILifecycleGrain>(k).ActivationId()));

        await silo.StopAsync();
        var remaining = silo.ActivationCount;
        await silo.DisposeAsync();

        Assert.All(keys, k => Assert.Contains($"deactivated:{k}:ShuttingDown", probe.Events));
        Assert.Equal(0, remaining);
    }

    [Fact]
    public async Task Shutdown_while_a_grain_is_still_activating_deactivates_it_once_it_has_started()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        var silo = await RuntimeSilo.StartAsync(probe, clock);
        var key = Guid.NewGuid().ToString();
        var gate = $"activation:{key}";
        probe.HoldActivations[key] = gate;
        var call = silo.GrainFactory.GetGrain<ILifecycleGrain>(key).ActivationId();
        await Eventually.WaitAsync(() => probe.Count($"activating:{key}") == 1, "the activation is in OnActivateAsync");

        var stopping = silo.StopAsync();
        probe.Open(gate);
        await call;
        await stopping;
        await silo.DisposeAsync();

        Assert.Contains($"deactivated:{key}:ShuttingDown", probe.Events);
    }

    [Fact]
    public async Task Shutdown_gives_up_on_a_hanging_OnDeactivateAsync_at_the_deadline()
    {
        var probe = new GrainProbe();
        var clock = new ManualTimeProvider();
        var silo = await RuntimeSilo.StartAsync(probe, clock, options => options.DeactivationTimeout = TimeSpan.FromSeconds(30));
        var hanging = Guid.NewGuid().ToString();
        var fine = Guid.NewGuid().ToString();
        probe.Open($"hang-deactivation:{hanging}");
        await silo.GrainFactory.GetGrain<ILifecycleGrain>(hanging).ActivationId();
        await silo.GrainFactory.GetGrain<ILifecycleGrain>(fine).ActivationId();

        var stopping = silo.StopAsync();
        await Eventually.WaitAsync(() => probe.Count($"deactivated:{fine}") == 1, "the well-behaved grain deactivated");
        Assert.False(stopping.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));
        await stopping;
        await silo.DisposeAsync();

        Assert.Equal(0, probe.Count($"deactivated:{hanging}"));
    }
}

using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class CallTimeoutTests
{
    [Fact]
    public async Task A_call_without_answer_fails_after_the_default_30_seconds_naming_grain_and_method()
    {
        var clock = new ManualTimeProvider();
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe, clock);
        var key = Guid.NewGuid().ToString();
        var grain = silo.GrainFactory.GetGrain<ISlowGrain>(key);
        Assert.Equal("pong", await grain.Ping());

        var gate = Guid.NewGuid().ToString();
        var call = grain.WaitFor(gate);
        clock.Advance(TimeSpan.FromSeconds(29.9));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        Assert.Equal($"Call to ISlowGrain.WaitFor on grain slow/{key} timed out after 30 s.", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(30), error.Timeout);
        probe.Open(gate);
    }

    [Fact]
    public async Task The_call_timeout_is_configurable()
    {
        var clock = new ManualTimeProvider();
        var probe = new GrainProbe();
        await using var silo = await RuntimeSilo.StartAsync(probe, clock, options => options.CallTimeout = TimeSpan.FromSeconds(2));
        var grain = silo.GrainFactory.GetGrain<ISlowGrain>(Guid.NewGuid().ToString());
        await grain.Ping();

        var gate = Guid.NewGuid().ToString();
        var call = grain.WaitFor(gate);
        clock.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
        Assert.Equal("ISlowGrain.WaitFor", error.MethodName);
        probe.Open(gate);
    }
}

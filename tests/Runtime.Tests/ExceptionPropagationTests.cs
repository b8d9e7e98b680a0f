using OrderEngine.Runtime.Tests.Grains;
using OrderEngine.Runtime.Tests.Support;
using Xunit;

namespace OrderEngine.Runtime.Tests;

public sealed class ExceptionPropagationTests
{
    [Fact]
    public async Task An_exception_thrown_after_an_await_reaches_the_caller_with_its_type_and_message()
    {
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe());
        var grain = silo.GrainFactory.GetGrain<IFaultyGrain>(Guid.NewGuid().ToString());

        var error = await Assert.ThrowsAsync<SaleClosedException>(() => grain.ThrowAfterAwait("sale 101 is closed"));

        Assert.Equal("sale 101 is closed", error.Message);
    }

    [Fact]
    public async Task An_exception_thrown_synchronously_reaches_the_caller_and_the_grain_keeps_serving()
    {
        await using var silo = await RuntimeSilo.StartAsync(new GrainProbe());
        var grain = silo.GrainFactory.GetGrain<IFaultyGrain>(Guid.NewGuid().ToString());

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowSynchronously("first"));
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowSynchronously("second"));

        Assert.Equal("first", first.Message);
        Assert.Equal("second", second.Message);
    }
}

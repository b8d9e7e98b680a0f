using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.Grains.Tests.Support;
using OrderEngine.Testing.Time;

namespace OrderEngine.Grains.Tests.Admin;

public sealed class MaintenanceGrainTests
{
    [Fact]
    public async Task Maintenance_mode_goes_on_with_the_operators_message_and_off_again_and_survives_a_restart()
    {
        var storage = new CountingGrainStorage();
        var clock = new ManualTimeProvider();
        var key = OrderSilo.NewKey("maintenance");
        var at = clock.GetUtcNow();
        MaintenanceStatus initial, on;
        await using (var first = await OrderSilo.StartAsync(storage: storage, clock: clock))
        {
            var grain = first.Grains.GetGrain<IMaintenanceGrain>(key);
            initial = await grain.Get();
            on = await grain.Set(new MaintenanceChange(true, "Scheduled maintenance", "alice"));
        }

        await using var second = await OrderSilo.StartAsync(storage: storage, clock: clock);
        var reloaded = await second.Grains.GetGrain<IMaintenanceGrain>(key).Get();
        clock.Advance(TimeSpan.FromMinutes(20));
        var off = await second.Grains.GetGrain<IMaintenanceGrain>(key).Set(new MaintenanceChange(false, "ignored when off", "bob"));

        Assert.Equal(new MaintenanceStatus(false, null, null, null, 0), initial);
        Assert.Equal(new MaintenanceStatus(true, "Scheduled maintenance", "alice", at, 1), on);
        Assert.Equal(on, reloaded);
        Assert.Equal(new MaintenanceStatus(false, null, "bob", at.AddMinutes(20), 2), off);
    }

    [Fact]
    public async Task Without_a_message_the_default_one_is_shown_and_a_change_must_say_who_makes_it()
    {
        await using var silo = await OrderSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IMaintenanceGrain>(MaintenanceGrainKeys.Global);

        var on = await grain.Set(new MaintenanceChange(true, null, "ops"));
        var anonymous = await Assert.ThrowsAsync<ArgumentException>(() => grain.Set(new MaintenanceChange(false, null, " ")));

        Assert.Equal(Grains.Admin.MaintenanceGrain.DefaultMessage, on.Message);
        Assert.StartsWith("A maintenance change names who makes it.", anonymous.Message, StringComparison.Ordinal);
        Assert.True((await grain.Get()).MaintenanceMode);
    }
}

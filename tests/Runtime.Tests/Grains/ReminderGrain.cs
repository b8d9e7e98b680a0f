using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests.Grains;

public sealed class ReminderGrain(GrainProbe probe) : Grain, IReminderGrain
{
    public Task Register(string reminderName, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task Unregister(string reminderName)
    {
        var reminder = await GetReminder(reminderName);
        if (reminder is not null)
        {
            await UnregisterReminder(reminder);
        }
    }

    public async Task<bool> Has(string reminderName) => await GetReminder(reminderName) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var late = TimeProvider.GetUtcNow() - status.CurrentTickTime;
        probe.Record($"reminder:{GetPrimaryKeyString()}:{reminderName}:{status.CurrentTickTime:O}:{late.TotalMilliseconds:0}");
        return Task.CompletedTask;
    }
}

using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task Register(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task Unregister(string reminderName);

    Task<bool> Has(string reminderName);
}

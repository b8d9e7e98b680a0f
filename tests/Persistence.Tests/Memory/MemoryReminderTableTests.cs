using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Persistence.Tests.Memory;

public sealed class MemoryReminderTableTests : ReminderTableConformanceTests
{
    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new MemoryReminderTable());
}

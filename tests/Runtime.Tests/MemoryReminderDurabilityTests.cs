using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.Tests;

public sealed class MemoryReminderDurabilityTests : ReminderDurabilityTests
{
    private readonly MemoryReminderTable _table = new();

    protected override Task<IReminderTable> OpenTableAsync() => Task.FromResult<IReminderTable>(_table);
}

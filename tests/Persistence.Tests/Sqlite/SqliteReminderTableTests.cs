using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Reminders;
using Xunit;

namespace OrderEngine.Persistence.Tests.Sqlite;

public sealed class SqliteReminderTableTests(SqliteFileFixture file) : ReminderTableConformanceTests, IClassFixture<SqliteFileFixture>
{
    private ServiceProvider? _services;

    protected override Task<IReminderTable> CreateTableAsync()
    {
        _services = SqliteTestHost.Build(file.DatabasePath);
        return Task.FromResult(_services.GetRequiredService<IReminderTable>());
    }

    public override async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

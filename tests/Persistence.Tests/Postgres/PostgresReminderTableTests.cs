using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Reminders;
using Xunit;

namespace OrderEngine.Persistence.Tests.Postgres;

public sealed class PostgresReminderTableTests(PostgresDatabaseFixture database) : ReminderTableConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private ServiceProvider? _services;

    protected override Task<IReminderTable> CreateTableAsync()
    {
        _services = PostgresTestHost.Build(database.ConnectionString);
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

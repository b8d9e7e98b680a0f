using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Sqlite;

namespace OrderEngine.Runtime.Tests;

public sealed class SqliteReminderDurabilityTests : ReminderDurabilityTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orderengine-reminders-").FullName;
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    protected override Task<IReminderTable> OpenTableAsync()
    {
        var services = new ServiceCollection();
        services.AddSqlitePersistence(options => options.DatabasePath = Path.Combine(_folder, "reminders.db"));
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return Task.FromResult(provider.GetRequiredService<IReminderTable>());
    }
}

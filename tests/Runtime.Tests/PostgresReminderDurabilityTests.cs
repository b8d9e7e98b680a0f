using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Postgres;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Testing.Postgres;

namespace OrderEngine.Runtime.Tests;

public sealed class PostgresReminderDurabilityTests : ReminderDurabilityTests, IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];
    private string? _connectionString;

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    protected override async Task<IReminderTable> OpenTableAsync()
    {
        _connectionString ??= await TestPostgres.CreateDatabaseAsync();
        var services = new ServiceCollection();
        services.AddPostgresPersistence(options => options.ConnectionString = _connectionString);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IReminderTable>();
    }
}

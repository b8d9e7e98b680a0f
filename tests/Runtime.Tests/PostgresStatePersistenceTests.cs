using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Postgres;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Postgres;

namespace OrderEngine.Runtime.Tests;

public sealed class PostgresStatePersistenceTests : StatePersistenceTests, IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    protected override async Task<IGrainStorage> CreateStorageAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var services = new ServiceCollection();
        services.AddPostgresPersistence(options =>
        {
            options.ConnectionString = connectionString;
            options.StorageNames.Add(RuntimeSilo.Storage);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredKeyedService<IGrainStorage>(RuntimeSilo.Storage);
    }
}

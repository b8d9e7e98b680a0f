using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Sqlite;
using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests;

public sealed class SqliteStatePersistenceTests : StatePersistenceTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orderengine-sqlite-").FullName;
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

    protected override Task<IGrainStorage> CreateStorageAsync()
    {
        var services = new ServiceCollection();
        services.AddSqlitePersistence(options =>
        {
            options.DatabasePath = Path.Combine(_folder, $"{Guid.NewGuid():N}.db");
            options.StorageNames.Add(RuntimeSilo.Storage);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return Task.FromResult(provider.GetRequiredKeyedService<IGrainStorage>(RuntimeSilo.Storage));
    }
}

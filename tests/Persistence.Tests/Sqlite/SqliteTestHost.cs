using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Sqlite;

namespace OrderEngine.Persistence.Tests.Sqlite;

/// <summary>A container with the SQLite persistence registered the way a silo registers it.</summary>
public static class SqliteTestHost
{
    public static ServiceProvider Build(string databasePath, Action<SqlitePersistenceOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSqlitePersistence(options =>
        {
            options.DatabasePath = databasePath;
            configure?.Invoke(options);
        });
        configureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Postgres;

namespace OrderEngine.Persistence.Tests.Postgres;

/// <summary>A container with the PostgreSQL persistence registered the way a silo registers it.</summary>
public static class PostgresTestHost
{
    public static ServiceProvider Build(string connectionString, Action<PostgresPersistenceOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddPostgresPersistence(options =>
        {
            options.ConnectionString = connectionString;
            configure?.Invoke(options);
        });
        configureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

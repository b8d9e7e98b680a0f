using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Postgres;
using OrderEngine.Runtime.Sqlite;

namespace OrderEngine.Silo.Composition;

/// <summary>Registers the storage provider chosen in configuration, under every storage name the grains use.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddConfiguredStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                services.AddSqlitePersistence(sqlite =>
                {
                    sqlite.DatabasePath = options.SqlitePath;
                    AddNames(sqlite.StorageNames);
                });
                break;
            case StorageProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
                {
                    throw new InvalidOperationException("Storage:Provider is Postgres but Storage:PostgresConnectionString is empty.");
                }

                services.AddPostgresPersistence(postgres =>
                {
                    postgres.ConnectionString = options.PostgresConnectionString;
                    postgres.WriterConcurrency = options.PostgresWriterConcurrency;
                    AddNames(postgres.StorageNames);
                });
                break;
            case StorageProvider.Memory:
                foreach (var name in SiloStorageNames.All)
                {
                    services.AddMemoryGrainStorage(name);
                }

                services.AddMemoryReminderTable();
                break;
            default:
                throw new InvalidOperationException($"Unknown Storage:Provider '{options.Provider}'.");
        }

        return services;
    }

    private static void AddNames(IList<string> names)
    {
        foreach (var name in SiloStorageNames.All)
        {
            names.Add(name);
        }
    }
}

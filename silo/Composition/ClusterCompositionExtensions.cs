using OrderEngine.Runtime.Cluster;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Postgres;
using OrderEngine.Runtime.Sqlite;

namespace OrderEngine.Silo.Composition;

/// <summary>
/// With <c>Cluster:Enabled</c> the silo joins the cluster whose membership table lives in the configured
/// storage (PostgreSQL for a real cluster; SQLite or memory hold a cluster of one process).
/// </summary>
public static class ClusterCompositionExtensions
{
    public static IServiceCollection AddConfiguredCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ClusterOptions.SectionName);
        var options = section.Get<ClusterOptions>() ?? new ClusterOptions();
        if (!options.Enabled)
        {
            return services;
        }

        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                services.AddPostgresMembership(table => table.ClusterId = options.ClusterId);
                break;
            case StorageProvider.Sqlite:
                services.AddSqliteMembership(table => table.ClusterId = options.ClusterId);
                break;
            default:
                services.AddMemoryMembership();
                break;
        }

        services.AddCluster();
        services.Configure<ClusterOptions>(section);
        return services;
    }
}

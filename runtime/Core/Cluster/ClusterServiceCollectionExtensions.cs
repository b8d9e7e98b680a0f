using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Cluster;

/// <summary>Turns a silo into a cluster member.</summary>
public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Joins the cluster of the registered membership table (AddMemoryMembership, AddSqliteMembership or
    /// AddPostgresMembership) at start, routes calls to each grain's owner, and leaves on stop.
    /// </summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, Action<ClusterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ClusterOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<TransportOptions>();
        services.TryAddSingleton<SiloCluster>();
        return services;
    }
}

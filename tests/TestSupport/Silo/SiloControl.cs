using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Cluster;
using OrderEngine.Runtime.Hosting;

namespace OrderEngine.Testing.Silo;

/// <summary>Reaches into a silo hosted some other way (a web application factory) for failure tests.</summary>
public static class SiloControl
{
    /// <summary>This silo's view of the cluster; null when it runs alone.</summary>
    public static ClusterView? ViewOf(IServiceProvider services) => Runtime(services).Cluster?.View;

    /// <summary>Completes when the silo's view satisfies <paramref name="condition"/> (view-change events, no polling).</summary>
    public static Task<ClusterView> WaitForViewAsync(IServiceProvider services, Func<ClusterView, bool> condition, CancellationToken cancellationToken) =>
        Cluster(services).Membership.WaitForViewAsync(condition, cancellationToken);

    /// <summary>Crashes the silo's cluster member: it stops probing and serving and drops its sockets, telling nobody.</summary>
    public static Task KillAsync(IServiceProvider services) =>
        Cluster(services).KillAsync();

    private static SiloCluster Cluster(IServiceProvider services) =>
        Runtime(services).Cluster ?? throw new InvalidOperationException("This silo is not in a cluster.");

    private static SiloRuntime Runtime(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<SiloRuntime>();
    }
}

using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Cluster;
using OrderEngine.Runtime.Diagnostics;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Streams;

namespace OrderEngine.Runtime.Hosting;

/// <summary>Registers the grain runtime and its in-process providers.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>The silo: activations, calls, timers, reminders, outbox recovery. Add grain assemblies and providers too.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<SiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SiloOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddMetrics();
        services.AddOptions<GrainSerializationOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GrainTypeManifest(sp.GetServices<GrainAssemblyPart>().Select(part => part.Assembly)));
        services.TryAddSingleton<GrainStateSerializer>();
        services.TryAddSingleton<RuntimeMetrics>();
        services.TryAddSingleton<SiloRuntime>();
        services.TryAddSingleton<ActivationCollector>();
        services.TryAddSingleton<OutboxRecovery>();
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ReminderService>(sp, sp.GetService<IReminderTable>()
            ?? throw new InvalidOperationException("Reminders need a reminder table: register one (memory, SQLite or PostgreSQL).")));
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<SiloRuntime>().GrainFactory);
        services.TryAddSingleton<ISiloStatistics, LocalSiloStatistics>();
        services.TryAddSingleton<IClusterStatistics, ClusterStatistics>();
        services.AddHostedService<SiloHostedService>();
        return services;
    }

    /// <summary>Hosts the grain classes of <paramref name="assembly"/> (their interfaces are found through them).</summary>
    public static IServiceCollection AddGrainAssembly(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        services.AddSingleton(new GrainAssemblyPart(assembly));
        return services;
    }

    /// <summary>Grain state in process memory, under <paramref name="name"/> (tests).</summary>
    public static IServiceCollection AddMemoryGrainStorage(this IServiceCollection services, string name)
    {
        services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => new MemoryGrainStorage());
        return services;
    }

    /// <summary>Reminders in process memory (tests).</summary>
    public static IServiceCollection AddMemoryReminderTable(this IServiceCollection services)
    {
        services.AddSingleton<IReminderTable, MemoryReminderTable>();
        return services;
    }

    /// <summary>
    /// The membership table in process memory: <paramref name="shared"/> when given (the silos of one test
    /// cluster pass the same instance), otherwise a table of its own for the default cluster.
    /// </summary>
    public static IServiceCollection AddMemoryMembership(this IServiceCollection services, MemoryMembershipTable? shared = null)
    {
        if (shared is null)
        {
            services.AddSingleton<IMembershipTable, MemoryMembershipTable>(_ => new MemoryMembershipTable());
        }
        else
        {
            services.AddSingleton<IMembershipTable>(shared);
        }

        return services;
    }

    /// <summary>An in-process stream provider named <paramref name="name"/>.</summary>
    public static IServiceCollection AddMemoryStreams(this IServiceCollection services, string name)
    {
        services.AddKeyedSingleton<IStreamProvider>(name, (sp, _) => new InMemoryStreamProvider(name, sp));
        return services;
    }
}

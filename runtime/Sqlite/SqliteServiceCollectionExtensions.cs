using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Sqlite.Membership;
using OrderEngine.Runtime.Sqlite.Persistence;
using OrderEngine.Runtime.Sqlite.Reminders;

namespace OrderEngine.Runtime.Sqlite;

/// <summary>Registers the embedded SQLite persistence: one database file and writer loop per process.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite database (a singleton), a keyed <see cref="IGrainStorage"/> for each name in
    /// <see cref="SqlitePersistenceOptions.StorageNames"/> and <see cref="IReminderTable"/>. Call once per container.
    /// </summary>
    public static IServiceCollection AddSqlitePersistence(this IServiceCollection services, Action<SqlitePersistenceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (IsRegistered(services))
        {
            throw new InvalidOperationException("SQLite persistence is already registered; add further storage names with AddSqliteGrainStorage.");
        }

        var options = new SqlitePersistenceOptions();
        configure(options);
        services.AddSingleton(options);
        services.AddSingleton(provider => new StorageBatchMetrics(provider.GetService<IMeterFactory>(), "sqlite"));
        services.AddSingleton(provider => new SqliteDatabase(
            options,
            provider.GetRequiredService<StorageBatchMetrics>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<ILogger<SqliteDatabase>>() ?? NullLogger<SqliteDatabase>.Instance));
        services.AddSingleton(provider => new SqliteReminderTable(provider.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IReminderTable>(provider => provider.GetRequiredService<SqliteReminderTable>());
        foreach (var storageName in options.StorageNames)
        {
            services.AddSqliteGrainStorage(storageName);
        }

        return services;
    }

    /// <summary>Registers one more keyed <see cref="IGrainStorage"/> on the already registered SQLite database.</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string storageName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(storageName);
        if (!IsRegistered(services))
        {
            throw new InvalidOperationException("Call AddSqlitePersistence before AddSqliteGrainStorage.");
        }

        services.AddKeyedSingleton<IGrainStorage>(storageName, (provider, _) => new SqliteGrainStorage(storageName, provider.GetRequiredService<SqliteDatabase>()));
        return services;
    }

    /// <summary>
    /// Registers <see cref="IMembershipTable"/> on the already registered SQLite database, for the cluster named by
    /// <see cref="MembershipTableOptions.ClusterId"/>. For a single node: the file is local to one machine.
    /// </summary>
    public static IServiceCollection AddSqliteMembership(this IServiceCollection services, Action<MembershipTableOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!IsRegistered(services))
        {
            throw new InvalidOperationException("Call AddSqlitePersistence before AddSqliteMembership.");
        }

        var options = new MembershipTableOptions();
        configure?.Invoke(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ClusterId, nameof(configure));
        services.AddSingleton(provider => new SqliteMembershipTable(provider.GetRequiredService<SqliteDatabase>(), options.ClusterId));
        services.AddSingleton<IMembershipTable>(provider => provider.GetRequiredService<SqliteMembershipTable>());
        return services;
    }

    private static bool IsRegistered(IServiceCollection services) => services.Any(descriptor => descriptor.ServiceType == typeof(SqliteDatabase));
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Postgres.Membership;
using OrderEngine.Runtime.Postgres.Persistence;
using OrderEngine.Runtime.Postgres.Reminders;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.Postgres;

/// <summary>
/// Registers the PostgreSQL persistence around exactly one pooled <see cref="NpgsqlDataSource"/> per
/// container (the process): grain storages, the reminder table and the membership table all share it.
/// </summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the data source (unless one is registered already), the write batcher, a keyed
    /// <see cref="IGrainStorage"/> for each name in <see cref="PostgresPersistenceOptions.StorageNames"/> and
    /// <see cref="IReminderTable"/>. Call once per container.
    /// </summary>
    public static IServiceCollection AddPostgresPersistence(this IServiceCollection services, Action<PostgresPersistenceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (IsRegistered(services))
        {
            throw new InvalidOperationException("PostgreSQL persistence is already registered; add further storage names with AddPostgresGrainStorage.");
        }

        var options = new PostgresPersistenceOptions();
        configure(options);
        services.AddSingleton(options);
        services.TryAddSingleton(provider => CreateDataSource(options, provider.GetService<ILoggerFactory>()));
        services.AddSingleton(provider => new StorageBatchMetrics(provider.GetService<IMeterFactory>(), "postgresql"));
        services.AddSingleton(provider => new PostgresSchema(provider.GetRequiredService<NpgsqlDataSource>(), Logger<PostgresSchema>(provider)));
        services.AddSingleton(provider => new PostgresWriteBatcher(
            provider.GetRequiredService<NpgsqlDataSource>(),
            options,
            provider.GetRequiredService<StorageBatchMetrics>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            Logger<PostgresWriteBatcher>(provider)));
        services.AddSingleton(provider => new PostgresReminderTable(
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<PostgresSchema>(),
            provider.GetRequiredService<PostgresWriteBatcher>()));
        services.AddSingleton<IReminderTable>(provider => provider.GetRequiredService<PostgresReminderTable>());
        foreach (var storageName in options.StorageNames)
        {
            services.AddPostgresGrainStorage(storageName);
        }

        return services;
    }

    /// <summary>Registers one more keyed <see cref="IGrainStorage"/> on the already registered data source and batcher.</summary>
    public static IServiceCollection AddPostgresGrainStorage(this IServiceCollection services, string storageName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(storageName);
        if (!IsRegistered(services))
        {
            throw new InvalidOperationException("Call AddPostgresPersistence before AddPostgresGrainStorage.");
        }

        services.AddKeyedSingleton<IGrainStorage>(storageName, (provider, _) => new PostgresGrainStorage(
            storageName,
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<PostgresSchema>(),
            provider.GetRequiredService<PostgresWriteBatcher>()));
        return services;
    }

    /// <summary>
    /// Registers <see cref="IMembershipTable"/> for the cluster named by <see cref="MembershipTableOptions.ClusterId"/>,
    /// on the data source and schema already registered by <see cref="AddPostgresPersistence"/>.
    /// </summary>
    public static IServiceCollection AddPostgresMembership(this IServiceCollection services, Action<MembershipTableOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!IsRegistered(services))
        {
            throw new InvalidOperationException("Call AddPostgresPersistence before AddPostgresMembership.");
        }

        var options = new MembershipTableOptions();
        configure?.Invoke(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ClusterId, nameof(configure));
        services.AddSingleton(provider => new PostgresMembershipTable(
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<PostgresSchema>(),
            options.ClusterId));
        services.AddSingleton<IMembershipTable>(provider => provider.GetRequiredService<PostgresMembershipTable>());
        return services;
    }

    private static NpgsqlDataSource CreateDataSource(PostgresPersistenceOptions options, ILoggerFactory? loggerFactory)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("PostgresPersistenceOptions.ConnectionString is required when no NpgsqlDataSource is registered.");
        }

        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "orderengine";
        if (!options.ConnectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxPoolSize = options.MaxPoolSize;
        }

        // Statements are not auto-prepared (Npgsql's default, left alone on purpose): with auto-preparation a
        // batch that failed as a whole left the connection out of step with the server. See docs/architecture.md.

        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }

    private static ILogger<T> Logger<T>(IServiceProvider provider) => provider.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;

    private static bool IsRegistered(IServiceCollection services) => services.Any(descriptor => descriptor.ServiceType == typeof(PostgresWriteBatcher));
}

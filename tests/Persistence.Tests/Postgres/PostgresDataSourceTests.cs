using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Postgres;
using OrderEngine.Runtime.Postgres.Persistence;
using OrderEngine.Runtime.Postgres.Reminders;
using OrderEngine.Runtime.Reminders;
using Xunit;

namespace OrderEngine.Persistence.Tests.Postgres;

/// <summary>Exactly one pooled data source per container, however many storages and tables use it (seed 004: never a client per request).</summary>
public sealed class PostgresDataSourceTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly string[] StorageNames = ["orders", "skus", "admin"];

    [Fact]
    public async Task Every_storage_and_the_reminder_table_share_one_data_source()
    {
        var services = new ServiceCollection();
        services.AddPostgresPersistence(options =>
        {
            options.ConnectionString = database.ConnectionString;
            foreach (var name in StorageNames)
            {
                options.StorageNames.Add(name);
            }
        });
        services.AddPostgresGrainStorage("late");
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var storages = StorageNames.Append("late").Select(name => (PostgresGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>(name)).ToList();
        var reminders = (PostgresReminderTable)provider.GetRequiredService<IReminderTable>();
        foreach (var storage in storages)
        {
            await storage.WriteAsync(TestData.NewStateKey(), TestData.Record(1), null, CancellationToken.None);
        }

        await reminders.UpsertAsync(new ReminderEntry(TestData.NewGrain(), "r", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), null), CancellationToken.None);

        var dataSource = Assert.Single(provider.GetServices<NpgsqlDataSource>());
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(NpgsqlDataSource));
        Assert.All(storages, storage => Assert.Same(dataSource, storage.DataSource));
        Assert.Same(dataSource, reminders.DataSource);
        Assert.Equal(StorageNames.Append("late"), storages.Select(storage => storage.StorageName));
    }

    [Fact]
    public async Task A_data_source_registered_by_the_host_is_reused_rather_than_a_second_one_created()
    {
        var services = new ServiceCollection();
        await using var hostDataSource = NpgsqlDataSource.Create(database.ConnectionString);
        services.AddSingleton(hostDataSource);
        services.AddPostgresPersistence(options => options.StorageNames.Add("orders"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var storage = (PostgresGrainStorage)provider.GetRequiredKeyedService<IGrainStorage>("orders");
        var reminders = (PostgresReminderTable)provider.GetRequiredService<IReminderTable>();
        var key = TestData.NewStateKey();
        var eTag = await storage.WriteAsync(key, TestData.Record(1), null, CancellationToken.None);

        Assert.Equal(eTag, (await storage.ReadAsync(key, CancellationToken.None))?.ETag);
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(NpgsqlDataSource));
        Assert.Same(hostDataSource, storage.DataSource);
        Assert.Same(hostDataSource, reminders.DataSource);
    }

    [Fact]
    public void Registering_the_persistence_twice_is_refused()
    {
        var services = new ServiceCollection();
        services.AddPostgresPersistence(options => options.ConnectionString = database.ConnectionString);

        var exception = Assert.Throws<InvalidOperationException>(() => services.AddPostgresPersistence(options => options.ConnectionString = database.ConnectionString));

        Assert.Contains("AddPostgresGrainStorage", exception.Message, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Postgres.Persistence;
using OrderEngine.Runtime.Postgres.Reminders;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Testing.Postgres;
using Xunit;

namespace OrderEngine.Persistence.Tests.Postgres;

/// <summary>The schema appears on InitializeAsync or on first use, whichever comes first, also when several silos start at once.</summary>
public sealed class PostgresSchemaTests
{
    private const string StorageName = "schema";

    [Fact]
    public async Task Silos_initializing_at_the_same_time_create_the_schema_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var silos = Enumerable.Range(0, 4).Select(_ => PostgresTestHost.Build(connectionString, options => options.StorageNames.Add(StorageName))).ToList();
        try
        {
            await Task.WhenAll(silos.SelectMany(silo => new[]
            {
                ((PostgresGrainStorage)silo.GetRequiredKeyedService<IGrainStorage>(StorageName)).InitializeAsync(CancellationToken.None),
                ((PostgresReminderTable)silo.GetRequiredService<IReminderTable>()).InitializeAsync(CancellationToken.None),
            }));

            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            Assert.Equal(
                [
                    "orderengine_grain_state.outbox jsonb",
                    "orderengine_grain_state.payload jsonb",
                    "orderengine_reminders.grain_hash bigint",
                    "orderengine_reminders.period_ms bigint",
                    "orderengine_reminders.start_at timestamp with time zone",
                ],
                await QueryAsync(dataSource, """
                    SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
                    WHERE table_name LIKE 'orderengine_%' AND column_name IN ('payload', 'outbox', 'grain_hash', 'start_at', 'period_ms')
                    ORDER BY 1
                    """));
            Assert.Equal(
                [
                    "orderengine_grain_state_outbox_ix: CREATE INDEX orderengine_grain_state_outbox_ix ON public.orderengine_grain_state USING btree (storage_name, grain_type, grain_key, state_name) WHERE (outbox IS NOT NULL)",
                    "orderengine_reminders_hash_ix: CREATE INDEX orderengine_reminders_hash_ix ON public.orderengine_reminders USING btree (grain_hash)",
                ],
                await QueryAsync(dataSource, "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE indexname LIKE 'orderengine_%_ix' ORDER BY 1"));
            Assert.Equal(
                ["orderengine_version_seq bigint 1"],
                await QueryAsync(dataSource, """
                    SELECT sequence_name || ' ' || data_type || ' ' || start_value FROM information_schema.sequences
                    WHERE sequence_name LIKE 'orderengine_%'
                    """));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Without_initialize_the_first_call_creates_the_schema()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var services = PostgresTestHost.Build(connectionString, options => options.StorageNames.Add(StorageName));
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageName);
        var key = TestData.NewStateKey();

        var eTag = await storage.WriteAsync(key, TestData.Record(1, TestData.Outbox(1)), null, CancellationToken.None);

        Assert.Equal(eTag, (await storage.ReadAsync(key, CancellationToken.None))?.ETag);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.Equal(
            ["""{"sku": "SKU-1", "stock": 1, "reserved": [1, 2, 3]} 1"""],
            await QueryAsync(dataSource, "SELECT payload::text || ' ' || jsonb_array_length(outbox) FROM orderengine_grain_state"));
    }

    private static async Task<List<string>> QueryAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}

using System.Globalization;
using Npgsql;

namespace OrderEngine.Testing.Postgres;

/// <summary>
/// The PostgreSQL server of this test process: the one named by <see cref="ConnectionStringVariable"/>
/// when set, otherwise a throwaway local server started once (thread-safe, on first use) and removed at
/// process exit. Each test class asks for its own fresh database.
/// </summary>
public static class TestPostgres
{
    /// <summary>Environment variable holding the connection string of an existing server to use instead of starting one.</summary>
    public const string ConnectionStringVariable = "ORDERENGINE_TEST_POSTGRES";

    private static readonly Lazy<Task<TestPostgresServer>> Server = new(
        // initdb and pg_ctl are waited for synchronously: a dedicated thread, not a pool thread that tests need.
        () => Task.Factory.StartNew(StartServer, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How long starting the local server took (initdb + start); null when an external server is used.</summary>
    public static async Task<TimeSpan?> GetStartupTimeAsync() => (await Server.Value).Local?.StartupTime;

    /// <summary>Creates a uniquely named empty database and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var server = await Server.Value;
        var name = string.Create(CultureInfo.InvariantCulture, $"orderengine_test_{Guid.NewGuid():N}");
        await using (var command = server.Admin.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    private static TestPostgresServer StartServer()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new TestPostgresServer(external, NpgsqlDataSource.Create(external), null);
        }

        var local = LocalPostgresServer.Start();
        return new TestPostgresServer(local.ConnectionString, NpgsqlDataSource.Create(local.ConnectionString), local);
    }
}

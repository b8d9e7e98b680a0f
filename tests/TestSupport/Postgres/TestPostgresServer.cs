using Npgsql;

namespace OrderEngine.Testing.Postgres;

/// <summary>
/// The server tests run against: its connection string, an administrative data source and, when this
/// process started it, the local server (kept referenced for the life of the process: its watchdog pipe must stay open).
/// </summary>
internal sealed record TestPostgresServer(string ConnectionString, NpgsqlDataSource Admin, LocalPostgresServer? Local);

using OrderEngine.Testing.Postgres;
using Xunit;

namespace OrderEngine.Persistence.Tests.Postgres;

/// <summary>A fresh, uniquely named database for one test class.</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public async Task InitializeAsync() => _connectionString = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

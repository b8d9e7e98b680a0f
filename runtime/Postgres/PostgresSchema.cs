using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrderEngine.Runtime.Postgres;

/// <summary>
/// Creates the tables and indexes once per process, idempotently (and serialized between silos by an
/// advisory lock). Runs on the first <see cref="EnsureCreatedAsync"/>; a failed attempt is retried by the next caller.
/// </summary>
internal sealed class PostgresSchema(NpgsqlDataSource dataSource, ILogger<PostgresSchema> logger)
{
    private readonly Lock _lock = new();
    private Task? _creation;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var creation = Volatile.Read(ref _creation);
        if (creation is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_lock)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = Task.Run(CreateAsync, CancellationToken.None);
            }

            return _creation.WaitAsync(cancellationToken);
        }
    }

    private async Task CreateAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(PostgresSql.Schema, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        logger.SchemaReady();
    }
}

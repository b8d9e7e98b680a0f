using System.Data;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrderEngine.Runtime.Postgres.Operations;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Postgres;

/// <summary>
/// Per-silo write batching. Writes of all grains (and reminder changes) queue here; each of a few writer
/// loops takes everything waiting, up to the batch limit, and sends it as one <see cref="NpgsqlBatch"/>:
/// one round trip, one implicit transaction, one commit. Statements are conditional, so an ETag conflict
/// only fails its own caller; if the batch fails as a whole its operations are retried one at a time.
/// </summary>
internal sealed class PostgresWriteBatcher : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly StorageBatchMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly int _maxBatchSize;
    private readonly Channel<PostgresWriteOperation> _queue;
    private readonly Task[] _loops;
    private int _queued;

    public PostgresWriteBatcher(NpgsqlDataSource dataSource, PostgresPersistenceOptions options, StorageBatchMetrics metrics, TimeProvider timeProvider, ILogger<PostgresWriteBatcher> logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.WriterConcurrency);
        _dataSource = dataSource;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _maxBatchSize = options.MaxBatchSize;
        _queue = Channel.CreateUnbounded<PostgresWriteOperation>(new UnboundedChannelOptions { SingleReader = options.WriterConcurrency == 1 });
        metrics.ObserveQueueLength(() => Volatile.Read(ref _queued));
        _loops = new Task[options.WriterConcurrency];
        for (var i = 0; i < _loops.Length; i++)
        {
            _loops[i] = Task.Run(RunLoopAsync, CancellationToken.None);
        }
    }

    /// <summary>Queues <paramref name="operation"/> and waits for its committed outcome.</summary>
    public Task<TResult> WriteAsync<TResult>(PostgresWriteOperation<TResult> operation, CancellationToken cancellationToken)
    {
        operation.RegisterCancellation(cancellationToken);
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(operation))
        {
            Interlocked.Decrement(ref _queued);
            operation.Dispose();
            throw new ObjectDisposedException(nameof(PostgresWriteBatcher));
        }

        return operation.Task;
    }

    /// <summary>Stops accepting writes and waits until everything already queued has been written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task RunLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PostgresWriteOperation>();
        while (await reader.WaitToReadAsync())
        {
            if (!reader.TryPeek(out _))
            {
                continue; // Another loop took the work.
            }

            // The connection is opened before taking work, so everything that queues meanwhile joins the batch.
            NpgsqlConnection? connection;
            try
            {
                connection = await _dataSource.OpenConnectionAsync();
            }
            catch (Exception exception)
            {
                Take(reader, batch);
                _logger.ConnectionFailed(exception, batch.Count);
                batch.ForEach(operation => operation.Fail(exception));
                continue;
            }

            try
            {
                while (connection is not null && Take(reader, batch))
                {
                    connection = await CommitAsync(connection, batch);
                }
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }
    }

    private bool Take(ChannelReader<PostgresWriteOperation> reader, List<PostgresWriteOperation> batch)
    {
        batch.Clear();
        while (batch.Count < _maxBatchSize && reader.TryRead(out var operation))
        {
            Interlocked.Decrement(ref _queued);
            if (operation.TryClaim())
            {
                batch.Add(operation);
            }
        }

        if (batch.Count > 1)
        {
            var ordered = batch.OrderBy(operation => operation.LockKey, StringComparer.Ordinal).ToList();
            batch.Clear();
            batch.AddRange(ordered);
        }

        return batch.Count > 0;
    }

    /// <summary>Commits <paramref name="batch"/>; returns the connection to go on with, or null if none could be opened.</summary>
    private async Task<NpgsqlConnection?> CommitAsync(NpgsqlConnection connection, List<PostgresWriteOperation> batch)
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            await ExecuteAsync(connection, batch);
            Publish(batch, started);
            return connection;
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            _metrics.BatchFailed();
            _logger.BatchFailed(exception, batch.Count);
        }
        catch (Exception exception)
        {
            _logger.OperationFailed(exception, batch[0].Kind);
            batch[0].Fail(exception);
            return await EnsureOpenAsync(connection);
        }

        NpgsqlConnection? current = connection;
        foreach (var operation in batch)
        {
            current = await EnsureOpenAsync(current);
            if (current is null)
            {
                operation.Fail(new NpgsqlException("The connection to PostgreSQL was lost and could not be reopened."));
                continue;
            }

            started = _timeProvider.GetTimestamp();
            try
            {
                await ExecuteAsync(current, [operation]);
                Publish([operation], started);
            }
            catch (Exception exception)
            {
                _logger.OperationFailed(exception, operation.Kind);
                operation.Fail(exception);
            }
        }

        return current;
    }

    private async Task<NpgsqlConnection?> EnsureOpenAsync(NpgsqlConnection? connection)
    {
        if (connection is { State: ConnectionState.Open })
        {
            return connection;
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        try
        {
            return await _dataSource.OpenConnectionAsync();
        }
        catch (Exception exception)
        {
            _logger.ReconnectFailed(exception);
            return null;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, List<PostgresWriteOperation> operations)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var operation in operations)
        {
            batch.BatchCommands.Add(operation.CreateCommand());
        }

        // The implicit transaction commits at the end of the batch: outcomes are published only after the reader is done.
        await using var reader = await batch.ExecuteReaderAsync();
        for (var i = 0; i < operations.Count; i++)
        {
            if (i > 0 && !await reader.NextResultAsync())
            {
                throw new InvalidOperationException("The batch returned fewer result sets than it has statements.");
            }

            await operations[i].ReadResultAsync(reader);
        }

        while (await reader.NextResultAsync())
        {
        }
    }

    private void Publish(List<PostgresWriteOperation> batch, long started)
    {
        _metrics.BatchCommitted(batch.Count, _timeProvider.GetElapsedTime(started));
        foreach (var operation in batch)
        {
            if (operation.Conflicted)
            {
                _metrics.Conflict(operation.Kind);
            }
        }

        foreach (var operation in batch)
        {
            operation.Complete();
        }
    }
}

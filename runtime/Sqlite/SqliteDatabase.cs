using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OrderEngine.Runtime.Sqlite.Operations;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Sqlite;

/// <summary>
/// The one SQLite database file of a process. Reads open pooled connections; every write is queued to a
/// single writer loop that takes everything waiting (up to the batch limit) and commits it in one
/// transaction, so concurrent grains share one fsync per batch. Opened lazily on first use.
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private readonly SqlitePersistenceOptions _options;
    private readonly StorageBatchMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<SqliteWriteOperation> _queue = Channel.CreateUnbounded<SqliteWriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _initializationLock = new();
    private Task? _initialization;
    private int _queued;
    private SqliteConnection? _writer;
    private Task? _writerLoop;
    private bool _disposed;

    public SqliteDatabase(SqlitePersistenceOptions options, StorageBatchMetrics metrics, TimeProvider timeProvider, ILogger<SqliteDatabase> logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBatchSize);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        _options = options;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        FullPath = Path.GetFullPath(options.DatabasePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        metrics.ObserveQueueLength(() => Volatile.Read(ref _queued));
    }

    public string FullPath { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the folder and the schema and starts the writer; idempotent and safe to call concurrently.</summary>
    public Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        var initialization = Volatile.Read(ref _initialization);
        if (initialization is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_initializationLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = Task.Run(Initialize, CancellationToken.None);
            }

            return _initialization.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Opens a pooled connection for reading.</summary>
    public async Task<SqliteConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Queues <paramref name="operation"/> for the writer loop and waits for its committed outcome.</summary>
    public async Task<TResult> WriteAsync<TResult>(SqliteWriteOperation<TResult> operation, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        operation.RegisterCancellation(cancellationToken);
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(operation))
        {
            Interlocked.Decrement(ref _queued);
            operation.Dispose();
            throw new ObjectDisposedException(nameof(SqliteDatabase));
        }

        return await operation.Task;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_initializationLock)
        {
            _disposed = true;
        }

        _queue.Writer.TryComplete();
        if (_initialization is not null)
        {
            await _initialization.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_writerLoop is not null)
        {
            await _writerLoop;
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        using (var pooled = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }
    }

    /// <summary>Drains the queue like <see cref="DisposeAsync"/>; for containers disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Initialize()
    {
        var folder = Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var writer = new SqliteConnection(ConnectionString);
        try
        {
            writer.Open();
            Execute(writer, SqliteSql.Pragmas);
            Execute(writer, SqliteSql.Schema);
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        _writer = writer;
        _writerLoop = Task.Run(RunWriterAsync, CancellationToken.None);
        _logger.Opened(FullPath);
    }

    private async Task RunWriterAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<SqliteWriteOperation>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var operation))
            {
                Interlocked.Decrement(ref _queued);
                if (operation.TryClaim())
                {
                    batch.Add(operation);
                }
            }

            if (batch.Count > 0)
            {
                Commit(batch);
            }
        }
    }

    private void Commit(List<SqliteWriteOperation> batch)
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            using (var transaction = _writer!.BeginTransaction(deferred: false))
            {
                var versions = new SqliteVersionCounter(_writer, transaction);
                foreach (var operation in batch)
                {
                    operation.Execute(_writer, transaction, versions);
                }

                versions.Save();
                transaction.Commit();
            }

            Publish(batch, started);
        }
        catch (Exception exception)
        {
            _metrics.BatchFailed();
            _logger.BatchFailed(exception, batch.Count);
            foreach (var operation in batch)
            {
                CommitAlone(operation);
            }
        }
    }

    private void CommitAlone(SqliteWriteOperation operation)
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            using (var transaction = _writer!.BeginTransaction(deferred: false))
            {
                var versions = new SqliteVersionCounter(_writer, transaction);
                operation.Execute(_writer, transaction, versions);
                versions.Save();
                transaction.Commit();
            }

            Publish([operation], started);
        }
        catch (Exception exception)
        {
            _logger.OperationFailed(exception, operation.Kind);
            operation.Fail(exception);
        }
    }

    private void Publish(List<SqliteWriteOperation> batch, long started)
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

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using Npgsql;

namespace OrderEngine.Runtime.Postgres.Operations;

/// <summary>
/// One queued write. A writer loop claims it, adds its conditional statement to a batch, reads its rows
/// (zero rows is an ETag conflict, recorded rather than thrown) and publishes the outcome only after the
/// batch has committed.
/// </summary>
internal abstract class PostgresWriteOperation
{
    private const int Pending = 0;
    private const int Claimed = 1;
    private const int Canceled = 2;

    private int _state;

    /// <summary>The metric tag naming this kind of operation.</summary>
    public abstract string Kind { get; }

    /// <summary>Orders the statements of a batch so concurrent batches lock rows in the same order.</summary>
    public abstract string LockKey { get; }

    /// <summary>True when the last execution found an ETag mismatch.</summary>
    public abstract bool Conflicted { get; }

    /// <summary>Takes the operation for execution; false if its caller has already given up on it.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Pending) == Pending;

    /// <summary>The statement, with positional parameters.</summary>
    public abstract NpgsqlBatchCommand CreateCommand();

    /// <summary>Reads this statement's result set and records the outcome.</summary>
    public abstract Task ReadResultAsync(NpgsqlDataReader reader);

    /// <summary>Publishes the recorded outcome to the caller (after the commit).</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);

    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Canceled, Pending) == Pending;

    /// <summary>Reads the single bigint the statement returns, or null when it returned no row.</summary>
    protected static async Task<long?> ReadInt64Async(NpgsqlDataReader reader) =>
        await reader.ReadAsync() ? reader.GetInt64(0) : null;
}

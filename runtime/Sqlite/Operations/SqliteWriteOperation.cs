using Microsoft.Data.Sqlite;

namespace OrderEngine.Runtime.Sqlite.Operations;

/// <summary>
/// One queued write. The writer loop claims it, executes it inside the batch transaction (which records
/// an outcome but never throws for an ETag conflict), and publishes the outcome only after the commit.
/// </summary>
internal abstract class SqliteWriteOperation
{
    private const int Pending = 0;
    private const int Claimed = 1;
    private const int Canceled = 2;

    private int _state;

    /// <summary>The metric tag naming this kind of operation.</summary>
    public abstract string Kind { get; }

    /// <summary>True when the last execution found an ETag mismatch.</summary>
    public abstract bool Conflicted { get; }

    /// <summary>Takes the operation for execution; false if its caller has already given up on it.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Pending) == Pending;

    /// <summary>
    /// Runs the statement and records the outcome; throws only for a real database error. A new row version
    /// is taken from <paramref name="versions"/>, the counter of the enclosing transaction.
    /// </summary>
    public abstract void Execute(SqliteConnection connection, SqliteTransaction transaction, SqliteVersionCounter versions);

    /// <summary>Publishes the recorded outcome to the caller (after the commit).</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);

    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Canceled, Pending) == Pending;

    protected static SqliteCommand CreateCommand(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}

using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Postgres.Operations;

/// <summary>A queued write whose caller awaits a <typeparamref name="TResult"/>; the outcome plumbing is <see cref="WriteCompletion{TResult}"/>.</summary>
internal abstract class PostgresWriteOperation<TResult> : PostgresWriteOperation, IDisposable
{
    private readonly WriteCompletion<TResult> _completion = new();

    public Task<TResult> Task => _completion.Task;

    public override bool Conflicted => _completion.Conflicted;

    /// <summary>Lets the caller abandon the operation while it is still queued; once claimed it runs to the end.</summary>
    public void RegisterCancellation(CancellationToken cancellationToken) => _completion.RegisterCancellation(TryCancel, cancellationToken);

    public override void Complete() => _completion.Complete();

    public override void Fail(Exception exception) => _completion.Fail(exception);

    public void Dispose() => _completion.Dispose();

    protected void SetResult(TResult result) => _completion.SetResult(result);

    /// <summary>Records an ETag mismatch; <paramref name="result"/> is what the caller gets when the mismatch is not an error.</summary>
    protected void SetConflict(TResult result, Exception? exception) => _completion.SetConflict(result, exception);
}

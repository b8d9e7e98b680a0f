namespace OrderEngine.Runtime.Postgres.Operations;

/// <summary>A queued write whose caller awaits a <typeparamref name="TResult"/>.</summary>
internal abstract class PostgresWriteOperation<TResult> : PostgresWriteOperation, IDisposable
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _cancellation;
    private TResult? _result;
    private Exception? _error;
    private bool _conflicted;

    public Task<TResult> Task => _completion.Task;

    public override bool Conflicted => _conflicted;

    /// <summary>Lets the caller abandon the operation while it is still queued; once claimed it runs to the end.</summary>
    public void RegisterCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(
                static (state, token) =>
                {
                    var operation = (PostgresWriteOperation<TResult>)state!;
                    if (operation.TryCancel())
                    {
                        operation._completion.TrySetCanceled(token);
                    }
                },
                this);
        }
    }

    public override void Complete()
    {
        _cancellation.Dispose();
        if (_error is not null)
        {
            _completion.TrySetException(_error);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }

    public override void Fail(Exception exception)
    {
        _cancellation.Dispose();
        _completion.TrySetException(exception);
    }

    public void Dispose() => _cancellation.Dispose();

    protected void SetResult(TResult result)
    {
        _result = result;
        _error = null;
        _conflicted = false;
    }

    /// <summary>Records an ETag mismatch; <paramref name="result"/> is what the caller gets when the mismatch is not an error.</summary>
    protected void SetConflict(TResult result, Exception? exception)
    {
        _result = result;
        _error = exception;
        _conflicted = true;
    }
}

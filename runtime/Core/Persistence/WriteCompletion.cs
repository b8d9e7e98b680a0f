namespace OrderEngine.Runtime.Persistence;

/// <summary>
/// The caller's side of one queued storage write, shared by the batching providers: the outcome is
/// recorded while the batch runs (a result, or an ETag conflict that may carry an error) and published
/// only after the batch has committed; the caller may abandon the write while it is still queued.
/// </summary>
internal sealed class WriteCompletion<TResult> : IDisposable
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _cancellation;
    private TResult? _result;
    private Exception? _error;

    public Task<TResult> Task => _completion.Task;

    /// <summary>True when the last recorded outcome was an ETag mismatch.</summary>
    public bool Conflicted { get; private set; }

    /// <summary>Cancels the caller's task when <paramref name="cancellationToken"/> fires, if <paramref name="tryCancel"/> still can take the write off the queue.</summary>
    public void RegisterCancellation(Func<bool> tryCancel, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return;
        }

        _cancellation = cancellationToken.Register(
            static (state, token) =>
            {
                var (completion, tryCancel) = ((WriteCompletion<TResult>, Func<bool>))state!;
                if (tryCancel())
                {
                    completion._completion.TrySetCanceled(token);
                }
            },
            (this, tryCancel));
    }

    public void SetResult(TResult result)
    {
        _result = result;
        _error = null;
        Conflicted = false;
    }

    /// <summary>Records an ETag mismatch; <paramref name="result"/> is what the caller gets when the mismatch is not an error.</summary>
    public void SetConflict(TResult result, Exception? exception)
    {
        _result = result;
        _error = exception;
        Conflicted = true;
    }

    /// <summary>Publishes the recorded outcome (after the commit).</summary>
    public void Complete()
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

    public void Fail(Exception exception)
    {
        _cancellation.Dispose();
        _completion.TrySetException(exception);
    }

    public void Dispose() => _cancellation.Dispose();
}

namespace OrderEngine.Runtime.Persistence;

/// <summary>The callers whose updates one state write carries; they all learn its outcome.</summary>
internal sealed class WriteBatch
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _completion.Task;

    public int Callers { get; private set; }

    public Task Join()
    {
        Callers++;
        return _completion.Task;
    }

    public void Complete() => _completion.TrySetResult();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}

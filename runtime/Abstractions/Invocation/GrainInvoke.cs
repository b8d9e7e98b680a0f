namespace OrderEngine.Runtime.Invocation;

/// <summary>Adapts what grain methods return to <see cref="ValueTask{TResult}"/> without allocating when they complete synchronously.</summary>
public static class GrainInvoke
{
    public static ValueTask<VoidResult> FromTask(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? default : Await(task);

        static async ValueTask<VoidResult> Await(Task task)
        {
            await task;
            return default;
        }
    }

    public static ValueTask<TResult> FromTask<TResult>(Task<TResult> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? new ValueTask<TResult>(task.Result) : new ValueTask<TResult>(task);
    }

    public static ValueTask<VoidResult> FromValueTask(ValueTask task)
    {
        return task.IsCompletedSuccessfully ? default : Await(task);

        static async ValueTask<VoidResult> Await(ValueTask task)
        {
            await task;
            return default;
        }
    }

    public static ValueTask<TResult> FromValueTask<TResult>(ValueTask<TResult> task) => task;
}

using OrderEngine.Runtime.Invocation;

namespace OrderEngine.Runtime.CodeGen.Tests.Fakes;

/// <summary>Records every call a proxy makes and hands back a pending task that the test completes.</summary>
public sealed class RecordingCallInvoker : IGrainCallInvoker
{
    public List<RecordedCall> Calls { get; } = [];

    public RecordedCall SingleCall => Assert.Single(Calls);

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        var completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Calls.Add(new RecordedCall(target, request, completion.Task, result => completion.SetResult((TResult)result!)));
        return completion.Task;
    }

    /// <summary>One call: <see cref="Task"/> is what the invoker returned; <see cref="Complete"/> sets its result.</summary>
    public sealed record RecordedCall(GrainReference Target, GrainRequest Request, Task Task, Action<object?> Complete);
}

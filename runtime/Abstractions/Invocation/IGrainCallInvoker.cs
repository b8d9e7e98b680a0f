namespace OrderEngine.Runtime.Invocation;

/// <summary>The runtime's entry for every call made through a grain reference.</summary>
public interface IGrainCallInvoker
{
    /// <summary>Sends <paramref name="request"/> to the grain behind <paramref name="target"/>. For one-way
    /// methods the task completes once the call is queued.</summary>
    Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request);
}

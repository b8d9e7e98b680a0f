using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Cluster;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Invocation;

namespace OrderEngine.Runtime.Messaging;

/// <summary>
/// Routes calls to activations. On one silo every grain is local; in a cluster <see cref="Dispatch"/>
/// first asks <see cref="SiloCluster"/>, which sends calls for grains another silo owns to that silo.
/// </summary>
internal sealed class GrainCallInvoker(SiloRuntime runtime) : IGrainCallInvoker
{
    /// <summary>How often one message may be handed on because its activation went away meanwhile.</summary>
    public const int MaxForwards = 8;

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        ArgumentNullException.ThrowIfNull(target);
        return InvokeAsync(target.GrainId, request);
    }

    public Task<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request) =>
        InvokeAsync(target, request, CallContext.Current);

    /// <summary>A call on behalf of the runtime (reminders, stream delivery): it starts a new call chain.</summary>
    public Task<TResult> InvokeSystemAsync<TResult>(GrainId target, GrainRequest<TResult> request) =>
        InvokeAsync(target, request, chain: null);

    private Task<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CallChain? chain)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (chain is { Depth: >= CallChain.MaxDepth })
        {
            return Task.FromException<TResult>(new InvalidOperationException($"Call chain deeper than {CallChain.MaxDepth} calling {request.Method} on {target}: runaway recursion?"));
        }

        runtime.Metrics.CallMade();
        var message = new RequestMessage<TResult>(target, request, chain);
        Dispatch(message, allowInline: true);
        var task = message.Task;
        if (!task.IsCompleted)
        {
            message.StartTimeout(runtime.TimeProvider, runtime.Options.CallTimeout, runtime.Metrics);
        }

        return task;
    }

    /// <summary>Sends a message that its activation could not serve (it deactivated) to the grain's next activation.</summary>
    public void Forward(Message message)
    {
        if (!message.CanForward)
        {
            message.Fail(new InvalidOperationException($"{message} belonged to an activation that is gone."));
            return;
        }

        if (++message.Forwards > MaxForwards)
        {
            message.Fail(new InvalidOperationException($"{message} was forwarded {MaxForwards} times without finding a live activation."));
            return;
        }

        Dispatch(message, allowInline: false);
    }

    public void Dispatch(Message message, bool allowInline)
    {
        if (runtime.Cluster is { } cluster && cluster.TryRoute(message))
        {
            return;
        }

        for (var attempt = 0; attempt < MaxForwards; attempt++)
        {
            ActivationData activation;
            try
            {
                activation = runtime.Directory.GetOrCreate(message.Target);
            }
            catch (Exception exception)
            {
                message.Fail(exception);
                return;
            }

            if ((allowInline && activation.TryRunInline(message)) || activation.Enqueue(message))
            {
                return;
            }
        }

        message.Fail(new InvalidOperationException($"No live activation could take {message}."));
    }
}

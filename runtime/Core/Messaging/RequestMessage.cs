using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Invocation;

namespace OrderEngine.Runtime.Messaging;

/// <summary>A grain method call and the caller's pending result.</summary>
internal sealed class RequestMessage<TResult> : Message
{
    private readonly GrainRequest<TResult> _request;
    private readonly TaskCompletionSource<TResult>? _completion;
    private ActivationData? _activation;
    private ValueTask<TResult> _pending;
    private ITimer? _timeout;
    private RuntimeMetrics? _metrics;

    public RequestMessage(GrainId target, GrainRequest<TResult> request, CallChain? chain)
        : base(target, chain)
    {
        _request = request;
        if (!request.Method.IsOneWay)
        {
            _completion = new TaskCompletionSource<TResult>();
        }
    }

    /// <summary>The caller's task; completed for one-way calls.</summary>
    public Task<TResult> Task => _completion?.Task ?? System.Threading.Tasks.Task.FromResult(default(TResult)!);

    public GrainMethod Method => _request.Method;

    public override string MethodName => _request.Method.ToString();

    public override bool IsAlwaysInterleave => _request.Method.IsAlwaysInterleave;

    public override GrainRequest Request => _request;

    public override void CompleteRemote(object? result)
    {
        if (_completion is null)
        {
            return;
        }

        _timeout?.Dispose();
        var context = LeaveContext();
        try
        {
            _completion.TrySetResult((TResult)result!);
        }
        finally
        {
            ReturnToContext(context);
        }
    }

    public override void Run(ActivationData activation, object grain)
    {
        ValueTask<TResult> pending;
        try
        {
            // Consumed exactly once: below if already complete, otherwise from its completion callback.
#pragma warning disable CA2012
            pending = _request.InvokeAsync(grain);
#pragma warning restore CA2012
        }
        catch (Exception exception)
        {
            activation.OnTurnCompleted(this);
            SetException(activation, exception);
            return;
        }

        if (pending.IsCompleted)
        {
            Finish(activation, pending);
            return;
        }

        _activation = activation;
        _pending = pending;

        // Captures the activation's SynchronizationContext: the completion is posted back to its mailbox.
        pending.GetAwaiter().UnsafeOnCompleted(OnPendingCompleted);
    }

    public override void Fail(Exception exception)
    {
        if (_completion is null)
        {
            return;
        }

        SetExceptionOutsideContext(exception);
    }

    /// <summary>Arms the call timeout for a call that did not complete synchronously.</summary>
    public void StartTimeout(TimeProvider timeProvider, TimeSpan timeout, RuntimeMetrics metrics)
    {
        if (_completion is null || _completion.Task.IsCompleted || timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _metrics = metrics;
        Timeout = timeout;
        using (ExecutionContext.SuppressFlow())
        {
            _timeout = timeProvider.CreateTimer(static state => ((RequestMessage<TResult>)state!).OnTimeout(), this, timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }

        if (_completion.Task.IsCompleted)
        {
            _timeout.Dispose();
        }
    }

    private TimeSpan Timeout { get; set; }

    private void OnTimeout()
    {
        _metrics?.Timeouts.Add(1);
        _completion?.TrySetException(new GrainCallTimeoutException(Target, _request.Method.InterfaceName, _request.Method.Name, Timeout));
    }

    private void OnPendingCompleted() => Finish(_activation!, _pending);

    private void Finish(ActivationData activation, ValueTask<TResult> pending)
    {
        TResult result;
        try
        {
            result = pending.GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            activation.OnTurnCompleted(this);
            SetException(activation, exception);
            return;
        }

        activation.OnTurnCompleted(this);
        if (_completion is null)
        {
            return;
        }

        _timeout?.Dispose();
        var context = LeaveContext();
        try
        {
            _completion.TrySetResult(result);
        }
        finally
        {
            ReturnToContext(context);
        }
    }

    private void SetException(ActivationData activation, Exception exception)
    {
        if (_completion is null)
        {
            activation.LogOneWayFailure(MethodName, exception);
            return;
        }

        _timeout?.Dispose();
        SetExceptionOutsideContext(exception);
    }

    private void SetExceptionOutsideContext(Exception exception)
    {
        var context = LeaveContext();
        try
        {
            _completion!.TrySetException(exception);
        }
        finally
        {
            ReturnToContext(context);
        }
    }

    /// <summary>
    /// The caller's continuation may run inline when its task completes: it must not see this
    /// activation's SynchronizationContext, or the caller's next await would post to the wrong mailbox.
    /// </summary>
    private static SynchronizationContext? LeaveContext()
    {
        var context = SynchronizationContext.Current;
        if (context is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        return context;
    }

    private static void ReturnToContext(SynchronizationContext? context)
    {
        if (context is not null)
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}

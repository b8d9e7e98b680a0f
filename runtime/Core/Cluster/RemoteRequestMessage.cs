using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Messaging;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Cluster;

/// <summary>
/// A call that arrived from another silo. It runs like a local call, or is handed on to the owner this
/// silo sees if that is another silo; either way its outcome goes back to the silo it came from.
/// </summary>
internal sealed class RemoteRequestMessage : Message
{
    private readonly GrainRequest _request;
    private readonly ClusterMessaging _messaging;
    private readonly SiloConnection _origin;
    private readonly long _id;
    private ActivationData? _activation;
    private ValueTask<object?> _pending;
    private int _answered;

    public RemoteRequestMessage(GrainId target, GrainRequest request, CallChain? chain, int forwards, ClusterMessaging messaging, SiloConnection origin, long id)
        : base(target, chain)
    {
        _request = request;
        _messaging = messaging;
        _origin = origin;
        _id = id;
        Forwards = forwards;
    }

    public override string MethodName => _request.Method.ToString();

    public override bool IsAlwaysInterleave => _request.Method.IsAlwaysInterleave;

    public override GrainRequest Request => _request;

    /// <summary>Set once this silo re-read the membership table before handing the call on again.</summary>
    public bool ViewRefreshed { get; set; }

    public override void Run(ActivationData activation, object grain)
    {
        ValueTask<object?> pending;
        try
        {
#pragma warning disable CA2012 // Consumed exactly once, here or in its completion callback.
            pending = _request.InvokeUntypedAsync(grain);
#pragma warning restore CA2012
        }
        catch (Exception exception)
        {
            activation.OnTurnCompleted(this);
            Answer(null, exception);
            return;
        }

        if (pending.IsCompleted)
        {
            Finish(activation, pending);
            return;
        }

        _activation = activation;
        _pending = pending;
        pending.GetAwaiter().UnsafeOnCompleted(() => Finish(_activation!, _pending));
    }

    public override void Fail(Exception exception) => Answer(null, exception);

    public override void CompleteRemote(object? result) => Answer(result, null);

    private void Finish(ActivationData activation, ValueTask<object?> pending)
    {
        object? result;
        try
        {
            result = pending.GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            activation.OnTurnCompleted(this);
            Answer(null, exception);
            return;
        }

        activation.OnTurnCompleted(this);
        Answer(result, null);
    }

    private void Answer(object? result, Exception? error)
    {
        if (Interlocked.Exchange(ref _answered, 1) == 0 && !_request.Method.IsOneWay)
        {
            _messaging.Respond(_origin, _id, _request.Method, result, error);
        }
    }
}

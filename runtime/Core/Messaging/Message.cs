using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Invocation;

namespace OrderEngine.Runtime.Messaging;

/// <summary>
/// Something that runs as a turn on an activation: a grain call, a timer tick, a reminder or a stream
/// delivery. Runs on the activation's context and reports completion exactly once through
/// <see cref="ActivationData.OnTurnCompleted"/>.
/// </summary>
internal abstract class Message(GrainId target, CallChain? chain)
{
    public GrainId Target { get; } = target;

    /// <summary>The turns waiting on this message, innermost first; null for calls from outside any grain.</summary>
    public CallChain? Chain { get; } = chain;

    /// <summary>How often this message was handed to another activation because its target went away.</summary>
    public int Forwards { get; set; }

    public abstract string MethodName { get; }

    public abstract bool IsAlwaysInterleave { get; }

    /// <summary>False for messages that belong to one activation (timer ticks): they are dropped, not forwarded, when it goes away.</summary>
    public virtual bool CanForward => true;

    /// <summary>Starts the turn. Called on the activation's context with the call chain already set.</summary>
    public abstract void Run(ActivationData activation, object grain);

    /// <summary>Fails a message that never ran (deadlock, failed activation, shutdown).</summary>
    public abstract void Fail(Exception exception);

    /// <summary>The grain call this message carries, so it can travel to another silo; null for local-only messages.</summary>
    public virtual GrainRequest? Request => null;

    /// <summary>Completes a call another silo ran, with its result (typed as <see cref="GrainMethod.ResultType"/>).</summary>
    public virtual void CompleteRemote(object? result) => throw new NotSupportedException($"{this} cannot be completed by another silo.");

    public override string ToString() => $"{MethodName} -> {Target}";
}

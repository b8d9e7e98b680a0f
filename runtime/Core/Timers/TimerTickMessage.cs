using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Messaging;

namespace OrderEngine.Runtime.Timers;

/// <summary>One timer tick as a turn of its activation.</summary>
internal sealed class TimerTickMessage(GrainId target, GrainTimer timer) : Message(target, chain: null)
{
    private ActivationData? _activation;
    private Task? _pending;

    public override string MethodName => "timer tick";

    public override bool IsAlwaysInterleave => false;

    public override bool CanForward => false;

    public override void Run(ActivationData activation, object grain)
    {
        Task pending;
        try
        {
            pending = timer.RunTick();
        }
        catch (Exception exception)
        {
            pending = Task.FromException(exception);
        }

        if (pending.IsCompleted)
        {
            Finish(activation, pending);
            return;
        }

        _activation = activation;
        _pending = pending;
        pending.GetAwaiter().UnsafeOnCompleted(() => Finish(_activation, _pending));
    }

    public override void Fail(Exception exception)
    {
        // The activation is gone, and its timers with it.
    }

    private void Finish(ActivationData activation, Task pending)
    {
        activation.OnTurnCompleted(this);
        if (pending.IsFaulted)
        {
            activation.LogTimerFailure(pending.Exception!.GetBaseException());
        }

        timer.OnTickCompleted();
    }
}

namespace OrderEngine.Runtime.Messaging;

/// <summary>
/// The turns, innermost first, that are waiting further up the current call chain. Each grain turn
/// pushes one node; an outgoing call carries the chain, so a non-reentrant target that finds its own
/// current turn in the chain knows the call can never be served: a deadlock, reported at once.
/// </summary>
internal sealed class CallChain(GrainId grainId, Guid activationId, long turn, CallChain? parent)
{
    public const int MaxDepth = 256;

    public GrainId GrainId { get; } = grainId;

    public Guid ActivationId { get; } = activationId;

    public long Turn { get; } = turn;

    public CallChain? Parent { get; } = parent;

    public int Depth { get; } = parent is null ? 1 : parent.Depth + 1;

    public bool Contains(Guid activationId, long turn)
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            if (node.Turn == turn && node.ActivationId == activationId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Grains from the waiting turn of <paramref name="activationId"/> down to the newest caller, then the target again.</summary>
    public IReadOnlyList<GrainId> CycleFrom(Guid activationId, GrainId target)
    {
        var path = new List<GrainId>();
        for (var node = this; node is not null; node = node.Parent)
        {
            path.Add(node.GrainId);
            if (node.ActivationId == activationId)
            {
                break;
            }
        }

        path.Reverse();
        path.Add(target);
        return path;
    }
}

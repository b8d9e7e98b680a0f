namespace OrderEngine.Runtime;

/// <summary>
/// A call would wait on a non-reentrant activation that is itself waiting, further up the same call
/// chain, for this call: it can never complete, so it fails at once instead of timing out.
/// </summary>
public sealed class DeadlockException : InvalidOperationException
{
    public DeadlockException(IReadOnlyList<GrainId> cycle, string methodName)
        : base($"Deadlock: call to {methodName} closes the cycle {string.Join(" -> ", cycle)}; the target is not reentrant and is waiting on this call chain.")
    {
        Cycle = cycle;
        MethodName = methodName;
    }

    /// <summary>The call that would have closed the cycle.</summary>
    public string MethodName { get; }

    /// <summary>The grains in call order, starting and ending with the target.</summary>
    public IReadOnlyList<GrainId> Cycle { get; }
}

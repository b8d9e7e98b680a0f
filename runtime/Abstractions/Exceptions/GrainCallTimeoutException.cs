namespace OrderEngine.Runtime;

/// <summary>A grain call got no response within the call timeout.</summary>
public sealed class GrainCallTimeoutException : TimeoutException
{
    public GrainCallTimeoutException(GrainId grainId, string interfaceName, string methodName, TimeSpan timeout)
        : this(grainId, $"{interfaceName}.{methodName}", timeout)
    {
    }

    /// <summary>With the method as "Interface.Method" (how the exception is rebuilt on a caller's silo).</summary>
    public GrainCallTimeoutException(GrainId grainId, string methodName, TimeSpan timeout)
        : base($"Call to {methodName} on grain {grainId} timed out after {timeout.TotalSeconds:0.###} s.")
    {
        GrainId = grainId;
        MethodName = methodName;
        Timeout = timeout;
    }

    public GrainId GrainId { get; }

    public string MethodName { get; }

    public TimeSpan Timeout { get; }
}

namespace OrderEngine.Runtime;

/// <summary>A grain call got no response within the call timeout.</summary>
public sealed class GrainCallTimeoutException : TimeoutException
{
    public GrainCallTimeoutException(GrainId grainId, string interfaceName, string methodName, TimeSpan timeout)
        : base($"Call to {interfaceName}.{methodName} on grain {grainId} timed out after {timeout.TotalSeconds:0.###} s.")
    {
        GrainId = grainId;
        MethodName = $"{interfaceName}.{methodName}";
        Timeout = timeout;
    }

    public GrainId GrainId { get; }

    public string MethodName { get; }

    public TimeSpan Timeout { get; }
}

namespace OrderEngine.Runtime;

/// <summary>
/// A call could not reach, or lost, the silo that owns its grain (the silo died, left, or the connection
/// broke). Whether the call ran is unknown: retry only what is idempotent.
/// </summary>
public sealed class SiloUnavailableException(string silo, GrainId grainId, string methodName, string reason)
    : Exception($"Silo {silo} is unavailable for {methodName} on {grainId}: {reason}")
{
    public string Silo { get; } = silo;

    public GrainId GrainId { get; } = grainId;

    public string MethodName { get; } = methodName;

    public string Reason { get; } = reason;
}

namespace OrderEngine.Runtime.Invocation;

/// <summary>Per-method options taken from attributes on the grain interface method.</summary>
[Flags]
public enum GrainMethodFlags
{
    None = 0,

    /// <summary>[OneWay]: the caller does not wait for a response.</summary>
    OneWay = 1,

    /// <summary>[AlwaysInterleave]: admitted even while a non-reentrant activation is busy.</summary>
    AlwaysInterleave = 2,
}

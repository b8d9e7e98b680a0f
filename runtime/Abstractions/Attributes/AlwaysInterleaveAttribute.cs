namespace OrderEngine.Runtime;

/// <summary>Calls to this interface method interleave with any other request, even on a non-reentrant grain.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;

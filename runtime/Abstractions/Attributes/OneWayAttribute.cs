namespace OrderEngine.Runtime;

/// <summary>The caller does not wait: the returned task completes once the call is queued, and a grain failure is only logged.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;

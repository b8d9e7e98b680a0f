namespace OrderEngine.Runtime;

/// <summary>Requests to this grain class may interleave at awaits. They never run in parallel.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;

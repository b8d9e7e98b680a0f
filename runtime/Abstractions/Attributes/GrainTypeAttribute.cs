namespace OrderEngine.Runtime;

/// <summary>
/// Names the grain type stored in every <see cref="GrainId"/> of this class. Keep it stable: it is part
/// of storage keys and reminder rows. Without it the name is the class name, lower case, without "Grain".
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

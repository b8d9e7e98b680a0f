namespace OrderEngine.Runtime.Invocation;

/// <summary>Base class of the generated proxies that implement grain interfaces.</summary>
public abstract class GrainReference : IEquatable<GrainReference>
{
    protected GrainReference(GrainId grainId, IGrainCallInvoker invoker)
    {
        GrainId = grainId;
        Invoker = invoker;
    }

    public GrainId GrainId { get; }

    protected IGrainCallInvoker Invoker { get; }

    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => GrainId.ToString();
}

namespace OrderEngine.Runtime;

/// <summary>Activation failed (constructor, state read or OnActivateAsync). The next call tries again.</summary>
public sealed class GrainActivationException(GrainId grainId, Exception innerException)
    : Exception($"Activation of grain {grainId} failed: {innerException.Message}", innerException)
{
    public GrainId GrainId { get; } = grainId;
}

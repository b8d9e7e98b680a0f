using OrderEngine.GrainInterfaces.Admin;

namespace OrderEngine.Grains.Admin;

/// <summary>A recommended silo count, the action it means, and why.</summary>
public sealed record ScalingRecommendation(int RecommendedSilos, ScalingAction Action, string Reason);

namespace OrderEngine.Runtime.CodeGen.Tests.Samples;

/// <summary>Holds a nested internal grain class, and an abstract grain base that must not be registered.</summary>
internal static class GrainContainer
{
    internal abstract class AbstractGrainBase : Grain;

    internal sealed class NestedGrain(ISampleClock clock) : AbstractGrainBase
    {
        public ISampleClock Clock { get; } = clock;
    }
}

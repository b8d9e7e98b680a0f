using Xunit;

namespace OrderEngine.Runtime.Tests.Support;

/// <summary>Tests that measure wall-clock timing run in this collection, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealClockCollection
{
    public const string Name = "real clock";
}

using System.Collections.Immutable;
using OrderEngine.GrainInterfaces.Admin;

namespace OrderEngine.Grains.Admin;

/// <summary>One index shard's orders by id: every unfinished order plus the newest finished ones.</summary>
public sealed record OrderIndexState
{
    public ImmutableDictionary<string, OrderSummary> Orders { get; init; } = ImmutableDictionary<string, OrderSummary>.Empty;
}

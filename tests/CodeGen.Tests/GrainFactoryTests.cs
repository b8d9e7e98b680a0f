using OrderEngine.Runtime.CodeGen.Tests.Fakes;
using OrderEngine.Runtime.CodeGen.Tests.Samples;

namespace OrderEngine.Runtime.CodeGen.Tests;

/// <summary>Generated grain factories fill constructor parameters from the activation context.</summary>
public sealed class GrainFactoryTests
{
    private static readonly RecordingMetadataBuilder Builder = RecordingMetadataBuilder.PopulateFrom(typeof(GrainFactoryTests).Assembly);

    private readonly FixedClock _clock = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public void Factory_asks_for_the_named_state_then_the_service_before_the_grain_base_runs()
    {
        var context = new RecordingActivationContext().AddService<ISampleClock>(_clock);

        // Outside the runtime the Grain constructor refuses to run, but only after the arguments were obtained.
        var error = Assert.Throws<InvalidOperationException>(() => Builder.GrainClasses[typeof(SampleGrain)](context));

        Assert.Contains("created by the runtime", error.Message, StringComparison.Ordinal);
        Assert.Equal(["state SampleState 'sample' in 'sample-store'", "service ISampleClock"], context.Requests);
    }

    [Fact]
    public void Factory_builds_the_grain_with_the_context_state_and_service_inside_the_runtime_scope()
    {
        var context = new RecordingActivationContext().AddService<ISampleClock>(_clock);
        var grainContext = new FakeGrainContext(new GrainId("sample", "factory-1"));

        var grain = GrainConstruction.Run(grainContext, () => Builder.GrainClasses[typeof(SampleGrain)](context));

        var sample = Assert.IsType<SampleGrain>(grain);
        Assert.Same(Assert.Single(context.States), sample.PersistentState);
        Assert.Same(_clock, sample.Clock);
        Assert.Same(grainContext, sample.GrainContext);
        Assert.Equal("factory-1", sample.GetPrimaryKeyString());
    }

    [Fact]
    public void Factory_of_a_grain_with_the_implicit_constructor_asks_for_nothing()
    {
        var context = new RecordingActivationContext();

        var grain = GrainConstruction.Run(new FakeGrainContext(new GrainId("plain", "p")), () => Builder.GrainClasses[typeof(PlainGrain)](context));

        Assert.IsType<PlainGrain>(grain);
        Assert.Empty(context.Requests);
    }

    [Fact]
    public void Factory_of_a_nested_internal_grain_resolves_its_service()
    {
        var context = new RecordingActivationContext().AddService<ISampleClock>(_clock);

        var grain = GrainConstruction.Run(
            new FakeGrainContext(new GrainId("nested", "n")),
            () => Builder.GrainClasses[typeof(GrainContainer.NestedGrain)](context));

        Assert.Same(_clock, Assert.IsType<GrainContainer.NestedGrain>(grain).Clock);
        Assert.Equal(["service ISampleClock"], context.Requests);
    }
}

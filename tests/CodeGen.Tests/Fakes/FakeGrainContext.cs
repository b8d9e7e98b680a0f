using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Streams;
using OrderEngine.Runtime.Timers;

namespace OrderEngine.Runtime.CodeGen.Tests.Fakes;

/// <summary>An activation context with an identity only: the factory tests construct grains, never run them.</summary>
public sealed class FakeGrainContext(GrainId grainId) : IGrainContext
{
    public GrainId GrainId { get; } = grainId;

    public Guid ActivationId { get; } = Guid.NewGuid();

    public IGrainFactory GrainFactory => throw NotUsed();

    public IServiceProvider Services => throw NotUsed();

    public TimeProvider TimeProvider => throw NotUsed();

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) => throw NotUsed();

    public Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) => throw NotUsed();

    public Task UnregisterReminder(IGrainReminder reminder) => throw NotUsed();

    public Task<IGrainReminder?> GetReminder(string reminderName) => throw NotUsed();

    public void DeactivateOnIdle() => throw NotUsed();

    public IStreamProvider GetStreamProvider(string name) => throw NotUsed();

    private static NotSupportedException NotUsed() => new("Not used by the code generation tests.");
}

using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Streams;
using OrderEngine.Runtime.Timers;

namespace OrderEngine.Runtime;

/// <summary>What the runtime offers one activation. <see cref="Grain"/> exposes it to grain code.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>Unique per activation: two activations of one grain over time have different ids.</summary>
    Guid ActivationId { get; }

    IGrainFactory GrainFactory { get; }

    IServiceProvider Services { get; }

    TimeProvider TimeProvider { get; }

    IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);

    Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(string reminderName);

    void DeactivateOnIdle();

    IStreamProvider GetStreamProvider(string name);
}

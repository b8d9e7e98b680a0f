using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Streams;
using OrderEngine.Runtime.Timers;

namespace OrderEngine.Runtime;

/// <summary>
/// Base class of every grain. Grain code runs one turn at a time on its activation; awaits resume on
/// the activation, so grain fields need no locks. Never use <c>ConfigureAwait(false)</c> in grain code.
/// </summary>
public abstract class Grain
{
    private readonly IGrainContext _context;

    protected Grain()
    {
        _context = GrainContextScope.Current
            ?? throw new InvalidOperationException("Grains are created by the runtime; use IGrainFactory.GetGrain to obtain a reference.");
    }

    public IGrainContext GrainContext => _context;

    public GrainId GrainId => _context.GrainId;

    protected IGrainFactory GrainFactory => _context.GrainFactory;

    protected IServiceProvider ServiceProvider => _context.Services;

    protected TimeProvider TimeProvider => _context.TimeProvider;

    public string GetPrimaryKeyString() => _context.GrainId.Key;

    public Guid GetPrimaryKey() => _context.GrainId.GetGuidKey();

    public long GetPrimaryKeyLong() => _context.GrainId.GetIntegerKey();

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A timer whose ticks enter the activation's mailbox like requests: a tick never overlaps a request.
    /// The next tick is scheduled after the callback completes. Not durable: see reminders for that.</summary>
    protected IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        _context.RegisterTimer(callback, dueTime, period);

    /// <summary>A durable reminder. <paramref name="period"/> of <see cref="Timeout.InfiniteTimeSpan"/> makes it one-shot:
    /// it fires once at <paramref name="dueTime"/> and is removed after the grain handled it.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        _context.RegisterOrUpdateReminder(reminderName, dueTime, period);

    protected Task UnregisterReminder(IGrainReminder reminder) => _context.UnregisterReminder(reminder);

    protected Task<IGrainReminder?> GetReminder(string reminderName) => _context.GetReminder(reminderName);

    /// <summary>Deactivate once the current turn and every queued request are done.</summary>
    protected void DeactivateOnIdle() => _context.DeactivateOnIdle();

    protected IStreamProvider GetStreamProvider(string name) => _context.GetStreamProvider(name);
}

using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Streams;
using OrderEngine.Runtime.Timers;

namespace OrderEngine.Runtime.Activations;

internal sealed partial class ActivationData : IGrainContext
{
    IGrainFactory IGrainContext.GrainFactory => _runtime.GrainFactory;

    IServiceProvider IGrainContext.Services => _runtime.Services;

    TimeProvider IGrainContext.TimeProvider => _runtime.TimeProvider;

    IGrainTimer IGrainContext.RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(this, callback, _runtime.TimeProvider);
        _participants.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    Task<IGrainReminder> IGrainContext.RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        EnsureRemindable();
        return _runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);
    }

    Task IGrainContext.UnregisterReminder(IGrainReminder reminder)
    {
        EnsureRemindable();
        return _runtime.Reminders.UnregisterAsync(GrainId, reminder);
    }

    Task<IGrainReminder?> IGrainContext.GetReminder(string reminderName) => _runtime.Reminders.GetAsync(GrainId, reminderName);

    void IGrainContext.DeactivateOnIdle() => Deactivate(DeactivationReason.ApplicationRequested);

    IStreamProvider IGrainContext.GetStreamProvider(string name) => _runtime.GetStreamProvider(name);

    internal void RemoveParticipant(IActivationParticipant participant) => _participants.Remove(participant);

    private void EnsureRemindable()
    {
        if (!GrainClass.IsRemindable)
        {
            throw new InvalidOperationException($"{GrainClass.GrainClass.Name} registers reminders, so it must implement {nameof(IRemindable)}.");
        }
    }
}

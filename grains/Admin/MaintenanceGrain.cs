using Microsoft.Extensions.Logging;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Grains.Admin;

/// <summary>
/// Maintenance mode (one grain, key <see cref="MaintenanceGrainKeys.Global"/>). Reentrant so the frequent
/// reads never wait behind a change's write; a change answers once it is durable.
/// </summary>
[Reentrant]
[GrainType("maintenance")]
public sealed class MaintenanceGrain(
    [PersistentState(MaintenanceGrain.StateName, OrderStorage.Name)] IPersistentState<MaintenanceState> state,
    ILogger<MaintenanceGrain> logger) : Grain, IMaintenanceGrain
{
    public const string StateName = "maintenance";
    public const string DefaultMessage = "The order service is under maintenance; please try again later.";

    public async Task<MaintenanceStatus> Set(MaintenanceChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrWhiteSpace(change.ChangedBy))
        {
            throw new ArgumentException("A maintenance change names who makes it.", nameof(change));
        }

        var message = change.MaintenanceMode ? (string.IsNullOrWhiteSpace(change.Message) ? DefaultMessage : change.Message) : null;
        state.State = state.State with
        {
            MaintenanceMode = change.MaintenanceMode,
            Message = message,
            ChangedBy = change.ChangedBy,
            ChangedAt = TimeProvider.GetUtcNow(),
            Version = state.State.Version + 1,
        };
        var status = Status();
        await state.WriteStateAsync();
        AdminLog.MaintenanceChanged(logger, change.MaintenanceMode, change.ChangedBy, message);
        return status;
    }

    public Task<MaintenanceStatus> Get() => Task.FromResult(Status());

    private MaintenanceStatus Status()
    {
        var current = state.State;
        return new MaintenanceStatus(current.MaintenanceMode, current.Message, current.ChangedBy, current.ChangedAt, current.Version);
    }
}

using OrderEngine.GrainInterfaces.Admin;

namespace OrderEngine.Api.Maintenance;

/// <summary>
/// Answers "is the service in maintenance?" for every new order without a grain call each time: the
/// maintenance grain's status is cached for <see cref="RefreshInterval"/>; a change made through this
/// silo applies at once, a change made through another silo within the interval.
/// </summary>
public sealed class MaintenanceGate(IGrainFactory grains, TimeProvider timeProvider) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private MaintenanceStatus? _status;
    private long _readAt;

    public async ValueTask<MaintenanceStatus> GetAsync()
    {
        if (_status is { } cached && timeProvider.GetElapsedTime(Volatile.Read(ref _readAt)) < RefreshInterval)
        {
            return cached;
        }

        await _refresh.WaitAsync();
        try
        {
            if (_status is null || timeProvider.GetElapsedTime(_readAt) >= RefreshInterval)
            {
                Remember(await Grain.Get());
            }

            return _status!;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public async Task<MaintenanceStatus> SetAsync(MaintenanceChange change)
    {
        var status = await Grain.Set(change);
        Remember(status);
        return status;
    }

    public void Dispose() => _refresh.Dispose();

    private IMaintenanceGrain Grain => grains.GetGrain<IMaintenanceGrain>(MaintenanceGrainKeys.Global);

    private void Remember(MaintenanceStatus status)
    {
        _status = status;
        Volatile.Write(ref _readAt, timeProvider.GetTimestamp());
    }
}

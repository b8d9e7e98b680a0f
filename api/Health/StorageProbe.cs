using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Api.Health;

/// <summary>Reads a sentinel record from every registered grain storage: reachable means every read answered in time.</summary>
public sealed class StorageProbe(IServiceProvider services, TimeProvider timeProvider)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static readonly GrainStateKey Sentinel = new("health", new GrainId("health", "probe"));

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        var storages = services.GetKeyedServices<IGrainStorage>(KeyedService.AnyKey).Distinct().ToList();
        if (storages.Count == 0)
        {
            return false;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await Task.WhenAll(storages.Select(s => s.ReadAsync(Sentinel, deadline.Token))).WaitAsync(Timeout, timeProvider, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Cluster;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.Hosting;

/// <summary>Starts the silo's background services and, on stop, deactivates every activation within the deadline.</summary>
internal sealed class SiloHostedService(SiloRuntime runtime, ActivationCollector collector, OutboxRecovery outboxRecovery, ILogger<SiloHostedService> logger) : IHostedService
{
    private ReminderService? _reminders;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (runtime.Services.GetService<SiloCluster>() is { } cluster)
        {
            await cluster.StartAsync(cancellationToken);
        }

        if (runtime.Services.GetService<IReminderTable>() is not null)
        {
            _reminders = runtime.Reminders;
            await _reminders.StartAsync(cancellationToken);
        }

        collector.Start();
        await outboxRecovery.RecoverAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var cluster = runtime.Cluster;
        if (cluster is { IsServing: true })
        {
            try
            {
                await cluster.LeaveAsync(2 * cluster.Options.TableRefreshInterval, cancellationToken);
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
            {
                ActivationLog.ShutdownTimedOut(logger, runtime.Directory.Count);
            }
            catch (Exception exception)
            {
                // A leave that cannot finish (storage gone) degrades to a crash: the others find out by probing.
                ClusterLog.LeaveFailed(logger, exception);
            }
        }

        _reminders?.Stop();
        collector.Stop();
        var activations = runtime.Directory.All.ToList();
        foreach (var activation in activations)
        {
            activation.Deactivate(DeactivationReason.ShuttingDown);
        }

        try
        {
            await Task.WhenAll(activations.Select(a => a.Deactivated)).WaitAsync(runtime.Options.DeactivationTimeout, runtime.TimeProvider, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            ActivationLog.ShutdownTimedOut(logger, activations.Count(a => !a.Deactivated.IsCompleted));
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEngine.Runtime.Messaging;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Hosting;

/// <summary>
/// At start, activates every grain whose stored outbox is not empty: the events were committed but
/// the process died before publishing them. Activation publishes them.
/// </summary>
internal sealed partial class OutboxRecovery(SiloRuntime runtime, ILogger<OutboxRecovery> logger)
{
    public const int BatchSize = 1000;

    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        foreach (var storage in runtime.Services.GetKeyedServices<IGrainStorage>(KeyedService.AnyKey).Distinct())
        {
            var pending = await storage.ListPendingOutboxAsync(BatchSize, cancellationToken);
            foreach (var grainId in pending.Select(key => key.GrainId).Distinct())
            {
                try
                {
                    await runtime.Invoker.InvokeSystemAsync(grainId, new ActivateRequest());
                    recovered++;
                }
                catch (Exception exception)
                {
                    LogRecoveryFailed(logger, grainId, exception);
                }
            }
        }

        if (recovered > 0)
        {
            LogRecovered(logger, recovered);
        }

        return recovered;
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Activated {Count} grains with unpublished outbox events")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Could not activate {GrainId} to publish its outbox")]
    private static partial void LogRecoveryFailed(ILogger logger, GrainId grainId, Exception exception);
}

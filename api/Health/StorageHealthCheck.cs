using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderEngine.Api.Health;

/// <summary>Readiness: grain storage answers.</summary>
public sealed class StorageHealthCheck(StorageProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await probe.IsReachableAsync(cancellationToken)
            ? HealthCheckResult.Healthy("storage answers")
            : HealthCheckResult.Unhealthy("storage does not answer");
}

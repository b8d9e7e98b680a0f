using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderEngine.Silo.Composition;

/// <summary>Ready once the host has started (the silo's start, reminder load and outbox recovery are done) and until it stops.</summary>
public sealed class SiloReadyCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = lifetime.ApplicationStarted.IsCancellationRequested;
        var stopping = lifetime.ApplicationStopping.IsCancellationRequested;
        return Task.FromResult(started && !stopping
            ? HealthCheckResult.Healthy("serving")
            : HealthCheckResult.Unhealthy(stopping ? "stopping" : "starting"));
    }
}

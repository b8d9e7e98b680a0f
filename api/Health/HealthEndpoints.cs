using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderEngine.Api.Maintenance;
using OrderEngine.GrainInterfaces.Payments;
using OrderEngine.Runtime.Streams;

namespace OrderEngine.Api.Health;

/// <summary>
/// <c>/health</c> (the runbook's shape; 503 when a dependency is down or the payment circuit is open),
/// <c>/health/live</c> (the process serves HTTP) and <c>/health/ready</c> (checks tagged "ready").
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    public const string StreamProviderName = "default";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/health", GetHealth).WithName(nameof(GetHealth)).WithTags("Health");
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteStatusAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteStatusAsync });
        return endpoints;
    }

    public static async Task<JsonHttpResult<ServiceHealth>> GetHealth(
        StorageProbe storage, IGrainFactory grains, IServiceProvider services, MaintenanceGate maintenance, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        var storageUp = await storage.IsReachableAsync(cancellationToken);
        details["storage"] = storageUp ? "reachable" : "not answering";

        var streamsUp = services.GetKeyedService<IStreamProvider>(StreamProviderName) is not null;
        details["streams"] = streamsUp ? "registered" : "no stream provider";

        var payments = await grains.GetGrain<IPaymentStatusGrain>(0).CheckHealth();
        details["payments"] = $"{payments.Gateway}: {payments.Detail}";
        var circuit = payments.Circuit.State switch
        {
            CircuitState.Closed => "closed",
            CircuitState.Open => "open",
            CircuitState.HalfOpen => "half-open",
            _ => "isolated",
        };

        var inMaintenance = (await maintenance.GetAsync()).MaintenanceMode;
        var healthy = storageUp && streamsUp && payments.Reachable && payments.Circuit.State is CircuitState.Closed or CircuitState.HalfOpen;
        var body = new ServiceHealth(healthy ? "healthy" : "unhealthy", storageUp, payments.Reachable, streamsUp, circuit, inMaintenance, details);
        return TypedResults.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant());
        return context.Response.WriteAsJsonAsync(new { status = report.Status.ToString().ToLowerInvariant(), checks });
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderEngine.Api.Metrics;

/// <summary>The Prometheus scrape endpoint, <c>GET /metrics</c> by default.</summary>
public static class MetricsEndpoints
{
    public const string DefaultPath = "/metrics";

    /// <summary>
    /// Maps the scrape endpoint and starts the exporter at once, so that measurements made before
    /// the first scrape are counted. Needs <see cref="MetricsServiceCollectionExtensions.AddPrometheusExporter"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string path = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _ = endpoints.ServiceProvider.GetRequiredService<PrometheusExporter>();
        return endpoints.MapGet(path, GetMetrics).WithName(nameof(GetMetrics)).ExcludeFromDescription();
    }

    private static ContentHttpResult GetMetrics(PrometheusExporter exporter, HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        return TypedResults.Text(exporter.Scrape(), PrometheusExporter.ContentType);
    }
}

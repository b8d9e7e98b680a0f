using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrderEngine.Api.Metrics;

/// <summary>Registers the Prometheus exporter; map its endpoint with <see cref="MetricsEndpoints.MapPrometheusMetrics"/>.</summary>
public static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddPrometheusExporter(this IServiceCollection services, Action<PrometheusExporterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        var options = services.AddOptions<PrometheusExporterOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<PrometheusExporter>();
        return services;
    }
}

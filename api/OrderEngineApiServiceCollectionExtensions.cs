using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Api.Admin;
using OrderEngine.Api.Health;
using OrderEngine.Api.Json;
using OrderEngine.Api.Maintenance;
using OrderEngine.Api.Metrics;
using OrderEngine.Api.Orders;
using OrderEngine.Api.Problems;
using OrderEngine.Api.RateLimiting;

namespace OrderEngine.Api;

/// <summary>Registers the HTTP API's services: options, problem details, JSON, OpenAPI, rate limiting, health, Prometheus metrics.</summary>
public static class OrderEngineApiServiceCollectionExtensions
{
    public static IServiceCollection AddOrderEngineApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.SectionName));
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.SectionName));
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.SectionName));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = StatusProblemTypes.Apply);
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            // A quantity sent as "2" is a client error, not a number: no reading numbers from strings.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
        services.AddOpenApi();
        services.AddSingleton<MaintenanceGate>();
        services.AddSingleton<CustomerRateLimiter>();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<OrderRequestLog>();
        services.AddSingleton<StorageProbe>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag]);
        services.AddPrometheusExporter(metrics => metrics.MeterPrefixes.Add("Npgsql"));
        return services;
    }
}

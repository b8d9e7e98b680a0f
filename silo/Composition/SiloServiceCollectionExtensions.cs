using OrderEngine.Api;
using OrderEngine.Api.Health;
using OrderEngine.Grains;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Silo.Logging;

namespace OrderEngine.Silo.Composition;

/// <summary>The silo: grain runtime, configured storage, in-process streams, the order grains, the HTTP API, JSON logs.</summary>
public static class SiloServiceCollectionExtensions
{
    public static WebApplicationBuilder AddOrderEngineSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonLinesLogging();
        builder.Services.AddGrainRuntime();
        builder.Services.Configure<SiloOptions>(builder.Configuration.GetSection(SiloOptions.SectionName));
        builder.Services.AddConfiguredStorage(builder.Configuration);
        builder.Services.AddConfiguredCluster(builder.Configuration);
        builder.Services.AddMemoryStreams(HealthEndpoints.StreamProviderName);
        builder.Services.AddOrderGrains(builder.Configuration);
        builder.Services.AddOrderEngineApi(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<SiloReadyCheck>("silo", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(45));
        return builder;
    }
}

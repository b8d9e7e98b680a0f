using OrderEngine.Api.Health;
using OrderEngine.Runtime.Hosting;

namespace OrderEngine.Silo.Composition;

/// <summary>The silo: grain runtime, configured storage, in-process streams, health checks, JSON logs.</summary>
public static class SiloServiceCollectionExtensions
{
    public static WebApplicationBuilder AddOrderEngineSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            json.UseUtcTimestamp = true;
        });
        builder.Services.AddGrainRuntime();
        builder.Services.Configure<SiloOptions>(builder.Configuration.GetSection(SiloOptions.SectionName));
        builder.Services.AddConfiguredStorage(builder.Configuration);
        builder.Services.AddMemoryStreams("default");
        builder.Services.AddHealthChecks().AddCheck<SiloReadyCheck>("silo", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(45));
        return builder;
    }
}

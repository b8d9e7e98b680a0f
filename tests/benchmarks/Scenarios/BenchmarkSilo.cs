using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderEngine.Runtime.Hosting;

namespace OrderEngine.Benchmarks.Scenarios;

/// <summary>A silo in the benchmark process, quiet, hosting the benchmark grains.</summary>
public static class BenchmarkSilo
{
    public static async Task<IHost> StartAsync(Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrainRuntime(options => options.CollectionAge = TimeSpan.FromHours(1));
        builder.Services.AddGrainAssembly(typeof(BenchmarkSilo).Assembly);
        configure(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

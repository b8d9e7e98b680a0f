using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Cluster;
using OrderEngine.Runtime.Messaging;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Streams;

namespace OrderEngine.Runtime.Hosting;

/// <summary>The parts of one silo that activations, the invoker and the services share.</summary>
internal sealed class SiloRuntime
{
    public SiloRuntime(
        IServiceProvider services,
        IOptions<SiloOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        GrainTypeManifest manifest,
        GrainStateSerializer serializer,
        RuntimeMetrics metrics)
    {
        Services = services;
        Options = options.Value;
        TimeProvider = timeProvider;
        Logger = loggerFactory.CreateLogger("OrderEngine.Runtime");
        Manifest = manifest;
        Serializer = serializer;
        Metrics = metrics;
        Directory = new ActivationDirectory(this);
        Invoker = new GrainCallInvoker(this);
        GrainFactory = new GrainFactory(manifest, Invoker);
        metrics.Observe(Directory);
    }

    public IServiceProvider Services { get; }

    public SiloOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public GrainTypeManifest Manifest { get; }

    public GrainStateSerializer Serializer { get; }

    public RuntimeMetrics Metrics { get; }

    public ActivationDirectory Directory { get; }

    public GrainCallInvoker Invoker { get; }

    public GrainFactory GrainFactory { get; }

    public ReminderService Reminders => Services.GetRequiredService<ReminderService>();

    public bool HasReminders => Services.GetService<IReminderTable>() is not null;

    /// <summary>This silo's cluster membership and routing; null when it runs alone.</summary>
    public SiloCluster? Cluster { get; set; }

    public IStreamProvider GetStreamProvider(string name) =>
        Services.GetKeyedService<IStreamProvider>(name)
        ?? throw new InvalidOperationException($"No stream provider named '{name}' is registered.");
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderEngine.Runtime;
using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Hosting;

namespace OrderEngine.Testing.Silo;

/// <summary>
/// One silo in the test process: a real host with the real runtime; the test chooses providers and
/// the clock. <see cref="KillAsync"/> drops it without deactivating anything, like a crash.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Activations on this silo now.</summary>
    public int ActivationCount => Runtime.Directory.Count;

    internal SiloRuntime Runtime => Services.GetRequiredService<SiloRuntime>();

    public static async Task<TestSilo> StartAsync(Action<IServiceCollection> configure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        var silo = new TestSilo(builder.Build());
        await silo._host.StartAsync(cancellationToken);
        return silo;
    }

    /// <summary>The activation id of the grain's current local activation, or null if it has none.</summary>
    public Guid? ActivationIdOf(GrainId grainId) => Runtime.Directory.Find(grainId)?.ActivationId;

    /// <summary>Completes when the grain's current activation has deactivated.</summary>
    public Task DeactivatedAsync(GrainId grainId) => Runtime.Directory.Find(grainId)?.Deactivated ?? Task.CompletedTask;

    /// <summary>Runs one idle-collection pass now (the collector's timer does the same every quantum).</summary>
    public int CollectIdleActivations() => Services.GetRequiredService<ActivationCollector>().Collect();

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopped = true;
        await _host.StopAsync(cancellationToken);
    }

    /// <summary>Abrupt end: no deactivation, no final writes, timers dropped.</summary>
    public ValueTask KillAsync()
    {
        _stopped = true;
        Runtime.Services.GetService<OrderEngine.Runtime.Reminders.ReminderService>()?.Stop();
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }

        _host.Dispose();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderEngine.Runtime;
using OrderEngine.Runtime.Activations;
using OrderEngine.Runtime.Cluster;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Membership;

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

    /// <summary>This silo's address in the cluster; null when it runs alone.</summary>
    public SiloAddress? Address => Runtime.Cluster?.Self;

    /// <summary>This silo's current view of the cluster; null when it runs alone.</summary>
    public ClusterView? View => Runtime.Cluster?.View;

    /// <summary>Completes when this silo's view satisfies <paramref name="condition"/>.</summary>
    public Task<ClusterView> WaitForViewAsync(Func<ClusterView, bool> condition, CancellationToken cancellationToken) =>
        (Runtime.Cluster ?? throw new InvalidOperationException("This silo is not in a cluster.")).Membership.WaitForViewAsync(condition, cancellationToken);

    /// <summary>Calls received from other silos that are waiting for an answer from a third (for tests of failover).</summary>
    public int PendingRemoteCalls => Runtime.Cluster?.Messaging.PendingCalls ?? 0;

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

    /// <summary>
    /// Abrupt end: no deactivation, no final writes, timers dropped; in a cluster its sockets drop and it
    /// tells nobody, so the others must find out by probing.
    /// </summary>
    public async ValueTask KillAsync()
    {
        _stopped = true;
        if (Runtime.Cluster is { } cluster)
        {
            await cluster.KillAsync();
        }

        if (Runtime.HasReminders)
        {
            Runtime.Reminders.Stop();
        }

        await ((IAsyncDisposable)_host).DisposeAsync();
    }

    /// <summary>
    /// Cuts this silo off the cluster while it keeps running on its stale view: it no longer probes, reads
    /// the membership table or talks to other silos, as behind a network partition.
    /// </summary>
    public Task PartitionAsync() => (Runtime.Cluster ?? throw new InvalidOperationException("This silo is not in a cluster.")).PartitionAsync();

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }

        await ((IAsyncDisposable)_host).DisposeAsync();
    }
}

using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Cluster;
using OrderEngine.Testing.Silo;

namespace OrderEngine.Testing.Cluster;

/// <summary>
/// Several real silos in the test process, on loopback with ports the operating system assigns (no two
/// tests ever fight over a port), sharing whatever storage and membership table the test registers in
/// <c>configureSilo</c>. Silos join, stop gracefully, are killed (sockets dropped, nothing cleaned up) or
/// restart; <see cref="WaitForStableViewAsync"/> waits on view-change events, never on a clock.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Action<IServiceCollection> _configureSilo;
    private readonly Action<ClusterOptions>? _configureCluster;
    private readonly List<TestSilo> _silos = [];
    private readonly Lock _lock = new();

    private TestCluster(Action<IServiceCollection> configureSilo, Action<ClusterOptions>? configureCluster)
    {
        _configureSilo = configureSilo;
        _configureCluster = configureCluster;
    }

    /// <summary>The silos that are running, in the order they started.</summary>
    public IReadOnlyList<TestSilo> Silos
    {
        get
        {
            lock (_lock)
            {
                return [.. _silos];
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="silos"/> silos one after another and waits until all see the same view.
    /// <paramref name="configureSilo"/> registers each silo's providers (shared instances for shared storage).
    /// </summary>
    public static async Task<TestCluster> StartAsync(int silos, Action<IServiceCollection> configureSilo, Action<ClusterOptions>? configureCluster = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configureSilo);
        var cluster = new TestCluster(configureSilo, configureCluster);
        for (var i = 0; i < silos; i++)
        {
            await cluster.AddSiloAsync(cancellationToken);
        }

        await cluster.WaitForStableViewAsync(cancellationToken);
        return cluster;
    }

    /// <summary>Starts one more silo; it is Active when this returns (the others see it at their next refresh).</summary>
    public async Task<TestSilo> AddSiloAsync(CancellationToken cancellationToken = default)
    {
        var index = Silos.Count;
        var silo = await TestSilo.StartAsync(
            services =>
            {
                _configureSilo(services);
                services.AddCluster(options =>
                {
                    options.SiloPort = 0;
                    options.AdvertisedHost = "127.0.0.1";
                    options.ProbeInterval = TimeSpan.FromMilliseconds(250);
                    options.ProbeTimeout = TimeSpan.FromMilliseconds(500);
                    options.TableRefreshInterval = TimeSpan.FromMilliseconds(250);
                    options.IAmAliveInterval = TimeSpan.FromSeconds(1);
                    _configureCluster?.Invoke(options);
                });
                services.Configure<OrderEngine.Runtime.Hosting.SiloOptions>(options => options.SiloName = $"silo-{index}");
            },
            cancellationToken);
        lock (_lock)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    /// <summary>Graceful stop: the silo hands its grains over and leaves the table as Dead.</summary>
    public async Task StopSiloAsync(TestSilo silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        Remove(silo);
        await silo.StopAsync(cancellationToken);
        await silo.DisposeAsync();
    }

    /// <summary>Crash: sockets dropped, loops stopped, nothing written; the others find out by probing.</summary>
    public async Task KillSiloAsync(TestSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        Remove(silo);
        await silo.KillAsync();
    }

    /// <summary>Stops a silo gracefully and starts a new one in its place (a new generation, a new port).</summary>
    public async Task<TestSilo> RestartSiloAsync(TestSilo silo, CancellationToken cancellationToken = default)
    {
        await StopSiloAsync(silo, cancellationToken);
        return await AddSiloAsync(cancellationToken);
    }

    /// <summary>
    /// Waits until every running silo has read the same membership version and sees exactly the running
    /// silos as Active. Driven by each silo's view-change events.
    /// </summary>
    public async Task WaitForStableViewAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var silos = Silos;
            var expected = silos.Select(s => s.Address!).ToHashSet();
            var views = await Task.WhenAll(silos.Select(s => s.WaitForViewAsync(v => v.ActiveSilos.ToHashSet().SetEquals(expected), cancellationToken)));
            var newest = views.Max(v => v.Version);
            if (views.All(v => v.Version == newest))
            {
                return;
            }

            await Task.WhenAll(silos.Select(s => s.WaitForViewAsync(v => v.Version >= newest, cancellationToken)));
        }
    }

    /// <summary>The running silo that owns <paramref name="grainId"/> in the first silo's view.</summary>
    public TestSilo OwnerOf(OrderEngine.Runtime.GrainId grainId)
    {
        var silos = Silos;
        var owner = silos[0].View!.OwnerOf(grainId);
        return silos.Single(s => s.Address == owner);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos.Reverse())
        {
            Remove(silo);
            await silo.DisposeAsync();
        }
    }

    private void Remove(TestSilo silo)
    {
        lock (_lock)
        {
            _silos.Remove(silo);
        }
    }
}

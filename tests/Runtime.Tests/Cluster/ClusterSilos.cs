using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Cluster;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Testing.Cluster;

namespace OrderEngine.Runtime.Tests.Cluster;

/// <summary>A test cluster of the runtime's test grains over shared in-memory storage, reminders and membership.</summary>
internal static class ClusterSilos
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static Task<TestCluster> StartAsync(int silos, GrainProbe? probe = null, IGrainStorage? storage = null, IReminderTable? reminders = null, Action<ClusterOptions>? cluster = null)
    {
        var sharedStorage = storage ?? new MemoryGrainStorage();
        var sharedReminders = reminders ?? new MemoryReminderTable();
        var membership = new MemoryMembershipTable();
        var sharedProbe = probe ?? new GrainProbe();
        using var deadline = new CancellationTokenSource(Deadline);
        return TestCluster.StartAsync(
            silos,
            services =>
            {
                services.AddSingleton(sharedProbe);
                services.AddGrainRuntime();
                services.AddGrainAssembly(typeof(RuntimeSilo).Assembly);
                services.AddKeyedSingleton(RuntimeSilo.Storage, sharedStorage);
                services.AddSingleton(sharedReminders);
                services.AddMemoryStreams("default");
                services.AddMemoryMembership(membership);
            },
            cluster,
            deadline.Token);
    }
}

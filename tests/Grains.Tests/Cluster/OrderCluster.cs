using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Grains.Tests.Support;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Testing.Cluster;

namespace OrderEngine.Grains.Tests.Cluster;

/// <summary>
/// The order grains on a test cluster: shared in-memory order storage, reminders and membership, the
/// payment simulator, the real clock (membership probes run on it), each silo with its own streams.
/// </summary>
internal static class OrderCluster
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static Task<TestCluster> StartAsync(int silos, IGrainStorage? storage = null)
    {
        var sharedStorage = storage ?? new MemoryGrainStorage();
        var reminders = new MemoryReminderTable();
        var membership = new MemoryMembershipTable();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(OrderSilo.BaseSettings).Build();
        using var deadline = new CancellationTokenSource(Deadline);
        return TestCluster.StartAsync(
            silos,
            services =>
            {
                services.AddGrainRuntime();
                services.AddOrderGrains(configuration);
                services.AddKeyedSingleton(OrderStorage.Name, sharedStorage);
                services.AddSingleton<IReminderTable>(reminders);
                services.AddMemoryStreams("default");
                services.AddMemoryMembership(membership);
            },
            cancellationToken: deadline.Token);
    }
}

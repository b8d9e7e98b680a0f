using Microsoft.Extensions.DependencyInjection;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Testing.Silo;

namespace OrderEngine.Runtime.Tests.Support;

/// <summary>Starts a test silo hosting this assembly's test grains.</summary>
public static class RuntimeSilo
{
    public const string Storage = "store";

    public static Task<TestSilo> StartAsync(
        GrainProbe probe,
        TimeProvider? clock = null,
        Action<SiloOptions>? options = null,
        IGrainStorage? storage = null,
        IReminderTable? reminders = null,
        Action<IServiceCollection>? more = null) =>
        TestSilo.StartAsync(services =>
        {
            services.AddSingleton(probe);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }

            services.AddGrainRuntime(options);
            services.AddGrainAssembly(typeof(RuntimeSilo).Assembly);
            services.AddKeyedSingleton(Storage, storage ?? new MemoryGrainStorage());
            services.AddSingleton(reminders ?? new MemoryReminderTable());
            services.AddMemoryStreams("default");
            more?.Invoke(services);
        });
}

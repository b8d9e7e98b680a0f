namespace OrderEngine.Runtime.Hosting;

/// <summary>Runtime settings of one silo; bound from the "Silo" configuration section.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Silo";

    /// <summary>This silo's name in logs, metrics and the dashboard.</summary>
    public string SiloName { get; set; } = Environment.MachineName;

    /// <summary>A call without a response after this long fails with <see cref="GrainCallTimeoutException"/>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle for this long is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the idle collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Shutdown waits this long for every OnDeactivateAsync before it gives up.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many work items an activation runs before it yields its thread to others.</summary>
    public int TurnQuantum { get; set; } = 64;

    /// <summary>The shortest period a periodic reminder may have (Orleans fixes one minute).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The stream provider that outbox events are published to.</summary>
    public string OutboxStreamProvider { get; set; } = "default";
}

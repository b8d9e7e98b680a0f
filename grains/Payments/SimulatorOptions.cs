namespace OrderEngine.Grains.Payments;

/// <summary>
/// The simulated gateway. Rates are fractions in [0, 1]: a timeout hangs until the pipeline's timeout
/// cancels it (the flash-sale seed simulates 10%), a failure throws a transient gateway error, a decline
/// answers "declined". <see cref="Seed"/> makes the sequence of outcomes reproducible.
/// </summary>
public sealed class SimulatorOptions
{
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public double TimeoutRate { get; set; }

    public double FailureRate { get; set; }

    public double DeclineRate { get; set; }

    public int? Seed { get; set; }
}

using System.Globalization;
using OrderEngine.GrainInterfaces.Admin;

namespace OrderEngine.Grains.Admin;

/// <summary>
/// The scaling rule, pure: the silos needed so that each runs at or under the target CPU (and under the
/// activation and call limits) if the load spreads evenly: ceil(current x load / limit) per resource,
/// the largest wins. Above the critical CPU it advises at least one more silo now; it advises fewer silos
/// only when CPU is under the scale-in threshold, so it does not flap around the target.
/// </summary>
public static class ScalingAdvisor
{
    public static ScalingRecommendation Recommend(ScalingInput input, ScalingOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var current = Math.Max(1, input.CurrentSilos);
        var byCpu = Needed(current, input.CpuPercent, options.TargetCpuPercent);
        var byActivations = Needed(current, input.Activations, options.MaxActivationsPerSilo);
        var byCalls = Needed(current, input.CallsPerSecond, options.MaxCallsPerSecondPerSilo);
        var needed = Clamp(Math.Max(byCpu, Math.Max(byActivations, byCalls)), options);
        var cpu = Percent(input.CpuPercent);

        if (input.CpuPercent > options.CriticalCpuPercent)
        {
            var now = Clamp(Math.Max(needed, current + 1), options);
            return new(now, ScalingAction.ScaleOutNow, $"CPU {cpu} is above the critical {Percent(options.CriticalCpuPercent)}: scale out now to {now} silos (target {Percent(options.TargetCpuPercent)}).");
        }

        if (needed > current)
        {
            var why = byCpu >= needed ? $"CPU {cpu} is above the target {Percent(options.TargetCpuPercent)}"
                : byActivations >= needed ? $"{input.Activations} activations exceed {options.MaxActivationsPerSilo} per silo"
                : $"{input.CallsPerSecond:0.#} calls/s exceed {options.MaxCallsPerSecondPerSilo:0.#} per silo";
            var warning = input.CpuPercent > options.WarningCpuPercent ? $" (warning threshold {Percent(options.WarningCpuPercent)})" : string.Empty;
            return new(needed, ScalingAction.ScaleOut, $"{why}{warning}: {needed} silos carry this load within limits.");
        }

        if (input.CpuPercent < options.ScaleInBelowCpuPercent && needed < current)
        {
            return new(needed, ScalingAction.ScaleIn, $"CPU {cpu} is below {Percent(options.ScaleInBelowCpuPercent)}: {needed} silos carry this load under the target {Percent(options.TargetCpuPercent)}.");
        }

        return new(current, ScalingAction.Hold, $"CPU {cpu} is within the target {Percent(options.TargetCpuPercent)}: keep {current} silos.");
    }

    private static int Needed(int current, double load, double limitPerSilo) =>
        limitPerSilo <= 0 || load <= 0 ? 1 : (int)Math.Ceiling(Math.Round(current * load / limitPerSilo, 6));

    private static int Clamp(int silos, ScalingOptions options) => Math.Clamp(silos, Math.Max(1, options.MinSilos), Math.Max(1, options.MaxSilos));

    private static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.#}%");
}

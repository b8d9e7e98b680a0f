using Microsoft.Extensions.Options;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.Runtime.Diagnostics;

namespace OrderEngine.Grains.Admin;

/// <summary>
/// Scaling advice from cluster-wide load: activations and calls per second summed over the reachable
/// Active silos, CPU averaged over them, each figure over the interval since the previous reading
/// (<see cref="IClusterStatistics"/> asks every silo itself). One silo alone is a cluster of one.
/// </summary>
public sealed class ScalingHintsGrain(IClusterStatistics statistics, IOptions<ScalingOptions> options) : Grain, IScalingHintsGrain
{
    public async Task<ScalingHint> GetHint(int currentSilos)
    {
        var reports = await statistics.ReadAsync(CancellationToken.None);
        var live = reports.Where(r => r.Reachable && r.Status == "Active").ToArray();
        var callsPerSecond = live.Sum(r => r.CallsPerSecond ?? 0);
        var cpuPercent = live.Length == 0 ? 0 : live.Average(r => r.CpuPercent ?? 0);
        var activations = live.Sum(r => r.Activations ?? 0);
        var current = currentSilos > 0 ? currentSilos : Math.Max(1, live.Length);
        var advice = ScalingAdvisor.Recommend(new ScalingInput(current, cpuPercent, callsPerSecond, activations), options.Value);
        return new ScalingHint(
            live.Length == 1 ? live[0].SiloName : $"{live.Length} silos",
            live.Max(r => r.ReadAt) ?? TimeProvider.GetUtcNow(),
            live.Max(r => r.Interval) ?? TimeSpan.Zero,
            activations,
            Math.Round(callsPerSecond, 1),
            Math.Round(cpuPercent, 1),
            live.Sum(r => r.WorkingSetBytes ?? 0),
            current,
            advice.RecommendedSilos,
            advice.Action,
            advice.Reason);
    }
}

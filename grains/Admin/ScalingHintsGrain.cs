using Microsoft.Extensions.Options;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.Runtime.Diagnostics;

namespace OrderEngine.Grains.Admin;

/// <summary>
/// Scaling hints of the local silo. One stateless worker per silo keeps the previous statistics reading,
/// so rates cover the interval since the last hint (since the silo started, the first time).
/// </summary>
[StatelessWorker(1)]
[GrainType("scalinghints")]
public sealed class ScalingHintsGrain(ISiloStatistics statistics, IOptions<ScalingOptions> options) : Grain, IScalingHintsGrain
{
    private SiloStatistics? _previous;

    public Task<ScalingHint> GetHint(int currentSilos)
    {
        var reading = statistics.Read();
        var previous = _previous;
        _previous = reading;
        var interval = previous is null ? reading.Timestamp - reading.StartedAt : reading.Timestamp - previous.Timestamp;
        var calls = reading.CallsTotal - (previous?.CallsTotal ?? 0);
        var cpuTime = reading.ProcessorTime - (previous?.ProcessorTime ?? TimeSpan.Zero);
        var seconds = interval.TotalSeconds;
        var callsPerSecond = seconds > 0 ? calls / seconds : 0;
        var cpuPercent = seconds > 0 ? Math.Clamp(cpuTime.TotalSeconds / (seconds * Math.Max(1, reading.ProcessorCount)) * 100, 0, 100) : 0;
        var current = Math.Max(1, currentSilos);
        var advice = ScalingAdvisor.Recommend(new ScalingInput(current, cpuPercent, callsPerSecond, reading.Activations), options.Value);
        return Task.FromResult(new ScalingHint(
            reading.SiloName,
            reading.Timestamp,
            interval,
            reading.Activations,
            Math.Round(callsPerSecond, 1),
            Math.Round(cpuPercent, 1),
            reading.WorkingSetBytes,
            current,
            advice.RecommendedSilos,
            advice.Action,
            advice.Reason));
    }
}

using System.Collections.Concurrent;
using OrderEngine.Runtime.Diagnostics;
using OrderEngine.Runtime.Hosting;
using OrderEngine.Runtime.Membership;

namespace OrderEngine.Runtime.Cluster;

/// <summary>
/// Gathers <see cref="SiloReport"/>s: this silo's figures directly, the others' over the silo-to-silo
/// connection (1 s each, in parallel); Dead silos are left out. Rates come from the previous reading.
/// </summary>
internal sealed class ClusterStatistics(SiloRuntime runtime, ISiloStatistics local) : IClusterStatistics
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, SiloStatistics> _previous = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<SiloReport>> ReadAsync(CancellationToken cancellationToken)
    {
        if (runtime.Cluster is not { } cluster)
        {
            var reading = local.Read();
            return [Report("local", reading.SiloName, SiloStatus.Active, reading.StartedAt, null, reading)];
        }

        var members = cluster.View.Members.Where(m => m.Status != SiloStatus.Dead).ToArray();
        var readings = await Task.WhenAll(members.Select(member => member.Silo == cluster.Self
            ? Task.FromResult<SiloStatistics?>(local.Read())
            : cluster.Messaging.RequestStatisticsAsync(member.Silo, AnswerTimeout, cancellationToken)));
        return [.. members.Zip(readings, (member, reading) => Report(member.Silo.ToString(), member.SiloName, member.Status, member.StartedAt, member.HttpAddress, reading))];
    }

    private SiloReport Report(string address, string name, SiloStatus status, DateTimeOffset startedAt, string? httpAddress, SiloStatistics? reading)
    {
        if (reading is null)
        {
            return new SiloReport(address, name, status.ToString(), startedAt, httpAddress, false, null, null, null, null, null, null);
        }

        var previous = _previous.TryGetValue(address, out var known) && known.StartedAt == reading.StartedAt ? known : null;
        _previous[address] = reading;
        var interval = previous is null ? reading.Timestamp - reading.StartedAt : reading.Timestamp - previous.Timestamp;
        var seconds = interval.TotalSeconds;
        var calls = reading.CallsTotal - (previous?.CallsTotal ?? 0);
        var cpu = reading.ProcessorTime - (previous?.ProcessorTime ?? TimeSpan.Zero);
        double? callsPerSecond = seconds > 0 ? Math.Round(calls / seconds, 1) : 0;
        double? cpuPercent = seconds > 0 ? Math.Round(Math.Clamp(cpu.TotalSeconds / (seconds * Math.Max(1, reading.ProcessorCount)) * 100, 0, 100), 1) : 0;
        return new SiloReport(address, name, status.ToString(), startedAt, httpAddress, true, reading.Timestamp, interval, reading.Activations, callsPerSecond, cpuPercent, reading.WorkingSetBytes);
    }
}

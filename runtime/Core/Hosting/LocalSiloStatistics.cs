using System.Diagnostics;
using OrderEngine.Runtime.Diagnostics;

namespace OrderEngine.Runtime.Hosting;

/// <summary>Reads the local silo's activations, calls and process CPU.</summary>
internal sealed class LocalSiloStatistics(SiloRuntime runtime) : ISiloStatistics
{
    private readonly DateTimeOffset _startedAt = runtime.TimeProvider.GetUtcNow();

    public SiloStatistics Read()
    {
        using var process = Process.GetCurrentProcess();
        return new SiloStatistics(
            runtime.Options.SiloName,
            _startedAt,
            runtime.TimeProvider.GetUtcNow(),
            runtime.Directory.Count,
            runtime.Metrics.Calls,
            process.TotalProcessorTime,
            Environment.ProcessorCount,
            process.WorkingSet64);
    }
}

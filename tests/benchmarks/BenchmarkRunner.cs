using System.Globalization;
using OrderEngine.Benchmarks.Scenarios;

namespace OrderEngine.Benchmarks;

/// <summary>
/// Runs the scenarios named on the command line (all by default) and prints one markdown table row
/// per figure. Usage: <c>[local] [activations] [hot] [cluster] [transport] [--seconds N] [--postgres CONNSTR] [--activations N] [--callers N]</c>.
/// </summary>
public static class BenchmarkRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seconds = Option(args, "--seconds", 10);
        var activations = Option(args, "--activations", 1_000_000);
        var transportCallers = Option(args, "--callers", 1000);
        var postgres = Value(args, "--postgres") ?? Environment.GetEnvironmentVariable("ORDERENGINE_BENCH_POSTGRES");
        var names = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Selected(string name) => names.Count == 0 || names.Contains(name);

        var results = new List<BenchmarkResult>();
        if (Selected("local"))
        {
            results.AddRange(await LocalCallsScenario.RunAsync(TimeSpan.FromSeconds(seconds), callers: Environment.ProcessorCount * 16));
        }

        if (Selected("hot"))
        {
            if (postgres is null)
            {
                await Console.Error.WriteLineAsync("hot: needs --postgres CONNSTR or ORDERENGINE_BENCH_POSTGRES");
                return 2;
            }

            results.AddRange(await HotGrainScenario.RunAsync(postgres, TimeSpan.FromSeconds(seconds), callers: 2000));
        }

        if (Selected("activations"))
        {
            results.AddRange(await ActivationDensityScenario.RunAsync(activations, concurrency: 256));
        }

        if (Selected("cluster"))
        {
            results.AddRange(await ClusterScenario.RunAsync(TimeSpan.FromSeconds(seconds), callers: 512));
        }

        if (Selected("transport"))
        {
            results.AddRange(await TransportScenario.RunAsync(TimeSpan.FromSeconds(seconds), transportCallers, inlineContinuations: true));
            results.AddRange(await TransportScenario.RunAsync(TimeSpan.FromSeconds(seconds), transportCallers, inlineContinuations: false));
        }

        foreach (var result in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {result.Scenario} | {result.Metric} | {Format(result.Value)} {result.Unit} | {result.Goal} | {result.Notes} |"));
        }

        return 0;
    }

    private static string Format(double value) =>
        value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

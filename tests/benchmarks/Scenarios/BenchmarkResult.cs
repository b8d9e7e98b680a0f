namespace OrderEngine.Benchmarks.Scenarios;

/// <summary>One measured figure, as a row of the report.</summary>
public sealed record BenchmarkResult(string Scenario, string Metric, double Value, string Unit, string Goal, string Notes);

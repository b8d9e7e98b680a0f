namespace OrderEngine.Api.Tests.Metrics.Support;

/// <summary>What promtool answered: its exit code and its standard output followed by standard error.</summary>
internal sealed record PromtoolResult(int ExitCode, string Output);

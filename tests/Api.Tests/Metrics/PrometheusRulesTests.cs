using System.Text.RegularExpressions;
using OrderEngine.Api.Tests.Metrics.Support;

namespace OrderEngine.Api.Tests.Metrics;

/// <summary>deploy/prometheus: the configuration and rules are valid, the rule unit tests pass, and the docs list them.</summary>
public sealed partial class PrometheusRulesTests
{
    [Fact]
    public void The_prometheus_configuration_and_its_rule_file_pass_promtool_check_config()
    {
        var result = Promtool.Run(RepositoryPaths.Prometheus, null, "check", "config", "prometheus.yml");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SUCCESS: 1 rule files found", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alert_rules_pass_promtool_check_rules()
    {
        var result = Promtool.Run(RepositoryPaths.Prometheus, null, "check", "rules", "rules.yml");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"SUCCESS: {AlertRules().Count} rules found", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alert_rules_pass_their_promtool_unit_tests()
    {
        var result = Promtool.Run(RepositoryPaths.Prometheus, null, "test", "rules", "rules.test.yml");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_is_unit_tested_and_every_alert_and_metric_of_the_rules_is_in_the_docs()
    {
        var rules = File.ReadAllText(Path.Combine(RepositoryPaths.Prometheus, "rules.yml"));
        var tests = File.ReadAllText(Path.Combine(RepositoryPaths.Prometheus, "rules.test.yml"));
        var docs = File.ReadAllText(RepositoryPaths.MetricsDoc);
        var alerts = AlertRules().Distinct().ToList();
        var metrics = MetricName().Matches(rules).Select(match => match.Groups[1].Value).Append("up").Distinct().ToList();

        Assert.Equal(13, alerts.Count);
        Assert.Equal([], alerts.Where(alert => !tests.Contains("alertname: " + alert + "\n", StringComparison.Ordinal)));
        Assert.Equal([], alerts.Where(alert => !docs.Contains(alert, StringComparison.Ordinal)));
        Assert.Equal([], metrics.Where(metric => !docs.Contains("`" + metric + "`", StringComparison.Ordinal)));
    }

    private static List<string> AlertRules() =>
        [.. AlertName().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Prometheus, "rules.yml"))).Select(match => match.Groups[1].Value)];

    [GeneratedRegex(@"^\s*- alert: (\w+)$", RegexOptions.Multiline)]
    private static partial Regex AlertName();

    /// <summary>Metric (and Npgsql label) names in the rules, a histogram's _bucket suffix dropped.</summary>
    [GeneratedRegex(@"\b((?:gateway|processor|process|orderengine|db_client)_\w+?)(?:_bucket)?\b")]
    private static partial Regex MetricName();
}

namespace OrderEngine.Api.Tests.Metrics.Support;

/// <summary>Finds promtool and prometheus (Debian package "prometheus") on PATH, or fails the test saying how to get them.</summary>
internal static class PrometheusBinaries
{
    public static string Locate(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"{name} is not on PATH. Run ./test.sh, which installs it (Debian package \"prometheus\"), or install that package yourself.");
        return string.Empty;
    }
}

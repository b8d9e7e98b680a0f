namespace OrderEngine.Api.Tests.Metrics.Support;

/// <summary>Folders of the repository, found from the test binaries (the folder holding Orleans.sln).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Prometheus => Path.Combine(Root, "deploy", "prometheus");

    public static string MetricsDoc => Path.Combine(Root, "docs", "metrics.md");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Orleans.sln above the test binaries.");
    }
}

using System.Globalization;

namespace OrderEngine.Testing.Postgres;

/// <summary>Finds the PostgreSQL server programs: the newest Debian install, else the PATH.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static PostgresBinaries Find()
    {
        var directory = NewestDebianBinDirectory() ?? PathDirectoryContaining("pg_ctl");
        if (directory is null || !File.Exists(Path.Combine(directory, "initdb")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL server programs (initdb, pg_ctl) were not found under {DebianRoot}/<version>/bin or on PATH. "
                + "Run the test command from the README (it installs PostgreSQL), "
                + $"or set {TestPostgres.ConnectionStringVariable} to the connection string of a server the tests may use.");
        }

        return new PostgresBinaries(Path.Combine(directory, "initdb"), Path.Combine(directory, "pg_ctl"));
    }

    private static string? NewestDebianBinDirectory()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(DebianRoot)
            .Select(version => (Version: ParseVersion(Path.GetFileName(version)), Bin: Path.Combine(version, "bin")))
            .Where(candidate => candidate.Version is not null && File.Exists(Path.Combine(candidate.Bin, "pg_ctl")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    private static Version? ParseVersion(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? new Version(major, 0)
        : Version.TryParse(name, out var version) ? version
        : null;

    private static string? PathDirectoryContaining(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, program)));
}

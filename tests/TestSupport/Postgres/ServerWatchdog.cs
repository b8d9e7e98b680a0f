using System.Diagnostics;

namespace OrderEngine.Testing.Postgres;

/// <summary>
/// A small shell process that waits for end-of-file on its standard input, which this process holds open,
/// then stops the server (immediate mode) and deletes its folder. The pipe closes when the test process
/// exits in any way, including being killed by the test runner right after the run, so the cleanup
/// never depends on exit handlers getting time to run.
/// </summary>
internal sealed class ServerWatchdog : IDisposable
{
    private const string Script = """
        exec >/dev/null 2>&1
        cat
        if [ -f "$1/data/postmaster.pid" ]; then
            if [ "$3" = "as-postgres" ]; then runuser -u postgres -- "$2" -D "$1/data" -m immediate -w stop; else "$2" -D "$1/data" -m immediate -w stop; fi
        fi
        rm -rf "$1"
        """;

    private readonly Process _process;

    private ServerWatchdog(Process process) => _process = process;

    public static ServerWatchdog Start(string root, string pgCtl, bool asPostgresUser)
    {
        var startInfo = new ProcessStartInfo("sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in (string[])["-c", Script, "orderengine-pg-watchdog", root, pgCtl, asPostgresUser ? "as-postgres" : "as-self"])
        {
            startInfo.ArgumentList.Add(argument);
        }

        return new ServerWatchdog(Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog shell."));
    }

    /// <summary>Triggers the cleanup now and waits for it to finish.</summary>
    public void Dispose()
    {
        _process.StandardInput.Close();
        _process.WaitForExit(TimeSpan.FromSeconds(30));
        _process.Dispose();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrderEngine.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster in a fresh temporary folder, listening on a free loopback port, stopped
/// (immediate mode) and deleted by a <see cref="ServerWatchdog"/> when the test process exits. As root the
/// programs run as the <c>postgres</c> user via <c>runuser</c>; otherwise they run as the current user.
/// </summary>
internal sealed class LocalPostgresServer : IDisposable
{
    private const string FolderPrefix = "orderengine-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly PostgresBinaries _binaries;
    private readonly string _root;
    private readonly bool _asPostgresUser;
    private readonly ServerWatchdog _watchdog;
    private int _stopped;

    private LocalPostgresServer(PostgresBinaries binaries, string root, bool asPostgresUser)
    {
        _binaries = binaries;
        _root = root;
        _asPostgresUser = asPostgresUser;
        _watchdog = ServerWatchdog.Start(root, binaries.PgCtl, asPostgresUser);
    }

    public int Port { get; private set; }

    public TimeSpan StartupTime { get; private set; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres";

    private string DataDirectory => Path.Combine(_root, "data");

    private string SocketDirectory => Path.Combine(_root, "sock");

    private string LogFile => Path.Combine(_root, "server.log");

    public static LocalPostgresServer Start()
    {
        var binaries = PostgresBinaries.Find();
        RemoveAbandonedServers(binaries);
        var stopwatch = Stopwatch.StartNew();
        var root = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var server = new LocalPostgresServer(binaries, root, Environment.IsPrivilegedProcess);
        try
        {
            server.InitializeAndStart();
        }
        catch
        {
            server.Dispose();
            throw;
        }

        server.StartupTime = stopwatch.Elapsed;
        return server;
    }

    /// <summary>Stops and deletes the server now; otherwise the watchdog does it when the process exits.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _watchdog.Dispose();
        }
    }

    private void InitializeAndStart()
    {
        Directory.CreateDirectory(SocketDirectory);
        if (_asPostgresUser)
        {
            ProcessRunner.Run("chown", ["-R", "postgres", _root], _root, CommandTimeout);
        }

        RunPostgresProgram(_root, _asPostgresUser, _binaries.InitDb, ["-D", DataDirectory, "-U", "postgres", "--auth=trust"]);
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            try
            {
                var options = $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k '{SocketDirectory}' -c listen_addresses=127.0.0.1 -c max_connections=300";
                RunPostgresProgram(_root, _asPostgresUser, _binaries.PgCtl, ["-D", DataDirectory, "-w", "-l", LogFile, "-o", options, "start"]);
                return;
            }
            catch (InvalidOperationException) when (attempt < attempts && ServerLog().Contains("could not bind", StringComparison.Ordinal))
            {
                // Another process took the port between probing and binding: try another one.
            }
            catch (InvalidOperationException exception)
            {
                throw new InvalidOperationException($"{exception.Message}{Environment.NewLine}Server log:{Environment.NewLine}{ServerLog()}", exception);
            }
        }
    }

    private string ServerLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : string.Empty;

    private static void Stop(PostgresBinaries binaries, string root, bool asPostgresUser)
    {
        try
        {
            if (File.Exists(Path.Combine(root, "data", "postmaster.pid")))
            {
                RunPostgresProgram(root, asPostgresUser, binaries.PgCtl, ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Stops and deletes servers left behind by test processes that were killed before they could clean up.</summary>
    private static void RemoveAbandonedServers(PostgresBinaries binaries)
    {
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (!File.Exists(owner)
                || !int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || IsRunning(pid))
            {
                continue;
            }

            try
            {
                Stop(binaries, root, Environment.IsPrivilegedProcess);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
            {
                // Best effort: a folder another user owns, or one already gone, is not ours to clean.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void RunPostgresProgram(string root, bool asPostgresUser, string program, IReadOnlyList<string> arguments)
    {
        if (asPostgresUser)
        {
            ProcessRunner.Run("runuser", ["-u", "postgres", "--", program, .. arguments], root, CommandTimeout);
        }
        else
        {
            ProcessRunner.Run(program, arguments, root, CommandTimeout);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

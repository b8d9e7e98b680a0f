using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrderEngine.Api.Tests.Metrics.Support;

/// <summary>
/// A throwaway Prometheus server on a free loopback port, scraping one target every second, with
/// its configuration and storage in a temporary folder that is removed on dispose.
/// </summary>
internal sealed class PrometheusServer : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();

    private PrometheusServer(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the server wrote to standard error so far (its log).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Completes when the server exits (it should not before it is disposed).</summary>
    public Task Exited => _process.WaitForExitAsync();

    public static PrometheusServer Start(Uri target, string job)
    {
        var folder = Directory.CreateTempSubdirectory("orderengine-prometheus-").FullName;
        File.WriteAllText(Path.Combine(folder, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: {job}
                static_configs:
                  - targets: ['{target.Authority}']
            """);
        var port = FreePort();
        var startInfo = new ProcessStartInfo(PrometheusBinaries.Locate("prometheus"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { "--config.file=prometheus.yml", "--storage.tsdb.path=data", $"--web.listen-address=127.0.0.1:{port}" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("prometheus did not start.");
        var server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return server;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}

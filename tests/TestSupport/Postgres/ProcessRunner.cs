using System.Diagnostics;

namespace OrderEngine.Testing.Postgres;

/// <summary>Runs a command to completion with a deadline and returns its output; a non-zero exit throws with that output.</summary>
internal static class ProcessRunner
{
    public static string Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Describe(fileName, arguments)}' did not finish within {timeout.TotalSeconds:0} s.");
        }

        var text = output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Describe(fileName, arguments)}' exited with code {process.ExitCode}:{Environment.NewLine}{text}");
        }

        return text;
    }

    private static string Describe(string fileName, IReadOnlyList<string> arguments) => string.Join(' ', arguments.Prepend(fileName));
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using OrderEngine.Silo.Logging;

namespace OrderEngine.Api.Tests.Observability;

/// <summary>
/// A logger provider that formats every entry with the silo's <see cref="JsonLinesConsoleFormatter"/>, as
/// the console would, and keeps the text instead of printing it. The formatter comes from
/// <see cref="JsonLinesLoggingExtensions.AddJsonLinesLogging"/>, so the registration is exercised too.
/// </summary>
public sealed class JsonLinesCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ServiceProvider _services;
    private readonly ConsoleFormatter _formatter;
    private readonly ConcurrentQueue<string> _writes = new();
    private readonly ConcurrentQueue<JsonElement> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public JsonLinesCapture(TimeProvider? clock = null, Action<JsonLinesFormatterOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddLogging(logging => logging.AddJsonLinesLogging(configure));
        _services = services.BuildServiceProvider();
        _formatter = _services.GetServices<ConsoleFormatter>().Single(f => f.Name == JsonLinesConsoleFormatter.FormatterName);
    }

    /// <summary>What the formatter wrote for each entry, exactly (each one line ending in a line feed).</summary>
    public IReadOnlyList<string> Writes => [.. _writes];

    /// <summary>Every line written, parsed (as it is written, so a line that is not JSON fails the logging call).</summary>
    public IReadOnlyList<JsonElement> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _services.Dispose();

    private sealed class CapturingLogger(JsonLinesCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            owner._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), owner._scopes, writer);
            var written = writer.ToString();
            if (written.Length == 0)
            {
                return;
            }

            owner._writes.Enqueue(written);
            foreach (var line in written.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var document = JsonDocument.Parse(line);
                owner._entries.Enqueue(document.RootElement.Clone());
            }
        }
    }
}

using Microsoft.Extensions.Logging.Console;

namespace OrderEngine.Silo.Logging;

/// <summary>
/// Options of <see cref="JsonLinesConsoleFormatter"/> (configuration "Logging:Console:FormatterOptions").
/// Scopes are included unless <see cref="ConsoleFormatterOptions.IncludeScopes"/> is turned off; the
/// timestamp is always ISO-8601 UTC with milliseconds, so <see cref="ConsoleFormatterOptions.TimestampFormat"/>
/// and <see cref="ConsoleFormatterOptions.UseUtcTimestamp"/> are ignored.
/// </summary>
public sealed class JsonLinesFormatterOptions : ConsoleFormatterOptions
{
    public const string DefaultServiceName = "orderengine";

    public JsonLinesFormatterOptions() => IncludeScopes = true;

    /// <summary>The <c>service</c> field of every line (seed 002: which service wrote it).</summary>
    public string ServiceName { get; set; } = DefaultServiceName;
}

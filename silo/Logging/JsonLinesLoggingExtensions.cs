using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrderEngine.Silo.Logging;

/// <summary>Registers console logging as flat JSON lines (<see cref="JsonLinesConsoleFormatter"/>).</summary>
public static class JsonLinesLoggingExtensions
{
    /// <summary>
    /// Adds the console logger with the JSON-lines formatter: one object per line with timestamp, level,
    /// message, service, category, event, every state and scope value as a snake_case field, and the exception.
    /// </summary>
    public static ILoggingBuilder AddJsonLinesLogging(this ILoggingBuilder builder, Action<JsonLinesFormatterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddConsole(console => console.FormatterName = JsonLinesConsoleFormatter.FormatterName);
        builder.AddConsoleFormatter<JsonLinesConsoleFormatter, JsonLinesFormatterOptions>(configure ?? (_ => { }));
        return builder;
    }
}

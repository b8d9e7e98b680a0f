using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace OrderEngine.Silo.Logging;

/// <summary>
/// Writes each log entry as one flat JSON object on one line, in the runbook's shape (seed 002):
/// <c>{"timestamp":"2025-11-29T21:56:00.000Z","level":"INFO","message":"...","service":"orderengine",
/// "category":"...","event":"order_transition","order_id":"...","correlation_id":"..."}</c>.
/// </summary>
/// <remarks>
/// Every key/value of the entry's state (but <c>{OriginalFormat}</c>) and of every scope becomes a
/// top-level field named in snake_case. A state value wins over a scope value of the same name, an inner
/// scope over an outer one. A name that would overwrite a fixed field (timestamp, level, message, service,
/// category, event, scopes, exception) is written with a <c>state_</c> or <c>scope_</c> prefix. Scopes
/// that are not key/value lists are listed, as text, under <c>scopes</c>. The event is the EventId's name
/// in snake_case, else its number, and is left out when the id is 0.
/// </remarks>
public sealed class JsonLinesConsoleFormatter : ConsoleFormatter
{
    public const string FormatterName = "jsonlines";

    private const string OriginalFormatKey = "{OriginalFormat}";
    private const string ScopesField = "scopes";
    private const string ExceptionField = "exception";

    private static readonly HashSet<string> FixedFields = new(StringComparer.Ordinal)
    {
        "timestamp", "level", "message", "service", "category", "event", ScopesField, ExceptionField,
    };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IOptionsMonitor<JsonLinesFormatterOptions> _options;
    private readonly TimeProvider _timeProvider;

    public JsonLinesConsoleFormatter(IOptionsMonitor<JsonLinesFormatterOptions> options, TimeProvider timeProvider)
        : base(FormatterName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>The level as the runbook writes it: TRACE, DEBUG, INFO, WARN, ERROR, CRITICAL.</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "CRITICAL",
        _ => "NONE",
    };

    /// <summary>A state or scope key as a field name: <c>OrderId</c> becomes <c>order_id</c>.</summary>
    public static string FieldName(string key) => JsonNamingPolicy.SnakeCaseLower.ConvertName(key);

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var options = _options.CurrentValue;
        var fields = new Fields();
        if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> state)
        {
            foreach (var (key, value) in state)
            {
                fields.AddState(key, value);
            }
        }

        if (options.IncludeScopes && scopeProvider is not null)
        {
            scopeProvider.ForEachScope(static (scope, collected) => collected.AddScope(scope), fields);
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(logEntry.LogLevel));
            json.WriteString("message", message ?? string.Empty);
            json.WriteString("service", options.ServiceName);
            json.WriteString("category", logEntry.Category);
            if (EventName(logEntry.EventId) is { } eventName)
            {
                json.WriteString("event", eventName);
            }

            fields.WriteTo(json);
            if (logEntry.Exception is { } exception)
            {
                json.WriteString(ExceptionField, exception.ToString());
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    private static string? EventName(EventId eventId) =>
        !string.IsNullOrEmpty(eventId.Name) ? FieldName(eventId.Name)
        : eventId.Id != 0 ? eventId.Id.ToString(CultureInfo.InvariantCulture)
        : null;

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        if (value is IEnumerable sequence and not string)
        {
            json.WriteStartArray();
            foreach (var item in sequence)
            {
                WriteScalar(json, item);
            }

            json.WriteEndArray();
            return;
        }

        WriteScalar(json, value);
    }

    private static void WriteScalar(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case DateTimeOffset at:
                json.WriteStringValue(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case DateTime at:
                json.WriteStringValue(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case TimeSpan span:
                json.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }

    /// <summary>The state and scope fields of one entry, in order, each name once.</summary>
    private sealed class Fields
    {
        private readonly List<KeyValuePair<string, object?>> _items = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private List<string>? _plainScopes;
        private int _stateCount;

        public void AddState(string key, object? value)
        {
            if (key == OriginalFormatKey || Name(key, "state_") is not { } name || _index.ContainsKey(name))
            {
                return;
            }

            _index[name] = _items.Count;
            _items.Add(new(name, value));
            _stateCount = _items.Count;
        }

        public void AddScope(object? scope)
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    AddScopeValue(key, value);
                }
            }
            else if (scope?.ToString() is { Length: > 0 } text)
            {
                (_plainScopes ??= []).Add(text);
            }
        }

        public void WriteTo(Utf8JsonWriter json)
        {
            foreach (var (name, value) in _items)
            {
                json.WritePropertyName(name);
                WriteValue(json, value);
            }

            if (_plainScopes is not null)
            {
                json.WriteStartArray(ScopesField);
                foreach (var scope in _plainScopes)
                {
                    json.WriteStringValue(scope);
                }

                json.WriteEndArray();
            }
        }

        private static string? Name(string key, string prefix)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                return null;
            }

            var name = FieldName(key);
            return FixedFields.Contains(name) ? prefix + name : name;
        }

        private void AddScopeValue(string key, object? value)
        {
            if (key == OriginalFormatKey || Name(key, "scope_") is not { } name)
            {
                return;
            }

            if (!_index.TryGetValue(name, out var at))
            {
                _index[name] = _items.Count;
                _items.Add(new(name, value));
            }
            else if (at >= _stateCount)
            {
                // Scopes come outermost first: the inner one, more specific, wins.
                _items[at] = new(name, value);
            }
        }
    }
}

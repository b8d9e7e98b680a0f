using System.Globalization;
using System.Text;

namespace OrderEngine.Api.Metrics;

/// <summary>
/// The lexical rules of the Prometheus text format 0.0.4: metric and label names, escaping of
/// label values and help text, and how numbers are written.
/// </summary>
internal static class PrometheusNames
{
    public const string CounterSuffix = "_total";

    /// <summary>An instrument name as a metric name: every character outside [a-zA-Z0-9_:] becomes '_'.</summary>
    public static string MetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>A tag key as a label name: every character outside [a-zA-Z0-9_] becomes '_'.</summary>
    public static string LabelName(string key) => Sanitize(key, allowColon: false);

    /// <summary>The exported name of a counter: "_total" appended unless it is there already.</summary>
    public static string CounterName(string metricName) =>
        metricName.EndsWith(CounterSuffix, StringComparison.Ordinal) ? metricName : metricName + CounterSuffix;

    public static string EscapeLabelValue(string value) => Escape(value, escapeQuote: true);

    public static string EscapeHelp(string help) => Escape(help, escapeQuote: false);

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string FormatValue(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A tag value as label text: invariant culture, booleans in lower case, null as empty.</summary>
    public static string FormatTagValue(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => FormatValue(number),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var valid = !char.IsAsciiDigit(name[0]);
        foreach (var c in name)
        {
            valid &= IsNameChar(c, allowColon);
        }

        if (valid)
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            builder.Append('_');
        }

        foreach (var c in name)
        {
            builder.Append(IsNameChar(c, allowColon) ? c : '_');
        }

        return builder.ToString();
    }

    private static bool IsNameChar(char c, bool allowColon) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');

    private static string Escape(string text, bool escapeQuote)
    {
        if (!text.Contains('\\', StringComparison.Ordinal) && !text.Contains('\n', StringComparison.Ordinal) && !(escapeQuote && text.Contains('"', StringComparison.Ordinal)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\n' => builder.Append(@"\n"),
                '"' when escapeQuote => builder.Append("\\\""),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}

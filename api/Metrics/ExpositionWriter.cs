using System.Text;

namespace OrderEngine.Api.Metrics;

/// <summary>Writes lines of the Prometheus text format 0.0.4 (no timestamps, '\n' line ends).</summary>
internal sealed class ExpositionWriter
{
    private readonly StringBuilder _text = new(4096);

    public void Family(string name, string help, string type)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(PrometheusNames.EscapeHelp(help)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    public void Sample(string name, string labels, long value) => Series(name, labels).Append(PrometheusNames.FormatValue(value)).Append('\n');

    public void Sample(string name, string labels, double value) => Series(name, labels).Append(PrometheusNames.FormatValue(value)).Append('\n');

    /// <summary>One cumulative bucket: <c>name_bucket{labels,le="bound"} count</c>.</summary>
    public void Bucket(string name, string labels, string le, long count)
    {
        _text.Append(name).Append("_bucket{").Append(labels).Append(labels.Length == 0 ? string.Empty : ",").Append("le=\"").Append(le).Append("\"} ");
        _text.Append(PrometheusNames.FormatValue(count)).Append('\n');
    }

    public override string ToString() => _text.ToString();

    private StringBuilder Series(string name, string labels)
    {
        _text.Append(name);
        if (labels.Length != 0)
        {
            _text.Append('{').Append(labels).Append('}');
        }

        return _text.Append(' ');
    }
}

using System.Globalization;
using System.Text;

namespace TrustChain.Rpc.Metrics;

/// <summary>Text exposition format 0.0.4: HELP/TYPE lines, samples with escaped label values, Go-style floats.</summary>
internal sealed class PrometheusTextWriter(StringBuilder output)
{
    public void WriteHeader(Metric metric)
    {
        output.Append("# HELP ").Append(metric.Name).Append(' ');
        AppendEscaped(metric.Help, escapeQuote: false);
        output.Append('\n');
        output.Append("# TYPE ").Append(metric.Name).Append(' ').Append(metric.Type switch
        {
            MetricType.Counter => "counter",
            MetricType.Gauge => "gauge",
            _ => "histogram",
        }).Append('\n');
    }

    public void WriteSample(string name, string? suffix, string? labelName, string? labelValue, string? le, double value)
    {
        StartSample(name, suffix, labelName, labelValue, le);
        AppendDouble(value);
        output.Append('\n');
    }

    public void WriteSample(string name, string? suffix, string? labelName, string? labelValue, string? le, long value)
    {
        StartSample(name, suffix, labelName, labelValue, le);
        output.Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    public static string FormatDouble(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        return double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
    }

    private void StartSample(string name, string? suffix, string? labelName, string? labelValue, string? le)
    {
        output.Append(name);
        if (suffix is not null)
        {
            output.Append(suffix);
        }

        if (labelName is null && le is null)
        {
            output.Append(' ');
            return;
        }

        output.Append('{');
        if (labelName is not null)
        {
            output.Append(labelName).Append("=\"");
            AppendEscaped(labelValue ?? string.Empty, escapeQuote: true);
            output.Append('"');
            if (le is not null)
            {
                output.Append(',');
            }
        }

        if (le is not null)
        {
            output.Append("le=\"").Append(le).Append('"');
        }

        output.Append("} ");
    }

    private void AppendDouble(double value) => output.Append(FormatDouble(value));

    private void AppendEscaped(string text, bool escapeQuote)
    {
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '"' when escapeQuote:
                    output.Append("\\\"");
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SuperTickets.ServiceDefaults;

/// <summary>A small writer for the Prometheus text exposition format (version 0.0.4).</summary>
public sealed class PrometheusText
{
    /// <summary>The media type of the text exposition format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public PrometheusText Family(string name, string type, string help)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    public PrometheusText Sample(string name, double value, params (string Name, string Value)[] labels)
    {
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{').AppendJoin(',', labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\"")).Append('}');
        }
        _text.Append(' ').Append(Format(value)).Append('\n');
        return this;
    }

    /// <summary>The conventional process families: CPU seconds (user and system), resident memory, start time.</summary>
    public PrometheusText ProcessFamilies()
    {
        using var process = Process.GetCurrentProcess();
        return Family("process_cpu_seconds_total", "counter", "User and system CPU time of this process, in seconds.")
            .Sample("process_cpu_seconds_total", Math.Round(process.TotalProcessorTime.TotalSeconds, 3))
            .Family("process_resident_memory_bytes", "gauge", "Resident memory of this process, in bytes.")
            .Sample("process_resident_memory_bytes", process.WorkingSet64)
            .Family("process_start_time_seconds", "gauge", "Start of this process, in seconds since the Unix epoch.")
            .Sample("process_start_time_seconds", new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeSeconds());
    }

    public override string ToString() => _text.ToString();

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Format(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);
}

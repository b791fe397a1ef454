using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace SuperTickets.IntegrationTests.Distributed;

/// <summary>kcat, the operators' independent Kafka client, run as a process.</summary>
public static class Kcat
{
    /// <summary>One record as <c>kcat -J</c> prints it.</summary>
    public sealed record KcatRecord(string Topic, int Partition, long Offset, string? Key, string? Payload, IReadOnlyDictionary<string, string> Headers);

    /// <summary>Every record of <paramref name="topic"/> from the beginning to the current end (<c>kcat -C -e -J</c>).</summary>
    public static async Task<IReadOnlyList<KcatRecord>> ReadAllAsync(string brokers, string topic)
    {
        var output = await RunAsync(["-b", brokers, "-C", "-t", topic, "-o", "beginning", "-e", "-J", "-q"], stdin: null);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();
    }

    /// <summary>The partition numbers of <paramref name="topic"/> from the brokers' metadata (<c>kcat -L -J</c>).</summary>
    public static async Task<IReadOnlyList<int>> PartitionsAsync(string brokers, string topic)
    {
        using var json = JsonDocument.Parse(await RunAsync(["-b", brokers, "-L", "-t", topic, "-J"], stdin: null));
        var described = json.RootElement.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == topic);
        return described.GetProperty("partitions").EnumerateArray().Select(p => p.GetProperty("partition").GetInt32()).Order().ToList();
    }

    /// <summary>Produces one record per line of <paramref name="values"/> (<c>kcat -P</c>), optionally onto one partition and with headers.</summary>
    public static Task ProduceAsync(string brokers, string topic, string key, IEnumerable<string> values, int? partition = null, IEnumerable<string>? headers = null)
    {
        List<string> arguments = ["-b", brokers, "-P", "-t", topic, "-k", key];
        if (partition is { } p)
        {
            arguments.AddRange(["-p", p.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        foreach (var header in headers ?? [])
        {
            arguments.AddRange(["-H", header]);
        }
        return RunAsync(arguments, string.Join("\n", values) + "\n");
    }

    private static KcatRecord Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("headers", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var items = list.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            for (var i = 0; i + 1 < items.Count; i += 2)
            {
                headers[items[i]] = items[i + 1];
            }
        }
        return new KcatRecord(
            root.GetProperty("topic").GetString()!,
            root.GetProperty("partition").GetInt32(),
            root.GetProperty("offset").GetInt64(),
            root.GetProperty("key").ValueKind == JsonValueKind.String ? root.GetProperty("key").GetString() : null,
            root.GetProperty("payload").ValueKind == JsonValueKind.String ? root.GetProperty("payload").GetString() : null,
            headers);
    }

    private static async Task<string> RunAsync(IReadOnlyList<string> arguments, string? stdin)
    {
        var start = new ProcessStartInfo("kcat")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kcat did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("kcat is not installed; install it with: apt-get install -y kcat", ex);
        }
        using (process)
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
                process.StandardInput.Close();
            }
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(process.ExitCode == 0, $"kcat {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
            return await output;
        }
    }
}

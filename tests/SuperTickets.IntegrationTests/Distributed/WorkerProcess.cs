using System.Collections.Concurrent;
using System.Diagnostics;
using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests.Distributed;

/// <summary>
/// One deployable (a worker or the admin API) running as its own OS process from the DLL the build produced,
/// configured through environment variables; its console output is kept for assertions and failure messages.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StreamWriter _log;
    private bool _closed;

    private WorkerProcess(string name, string url, Process process, StreamWriter log)
    {
        Name = name;
        Url = url;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public string Url { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Starts <paramref name="project"/> (for example <c>Triage.Worker</c>) with its output folder as content root.</summary>
    public static WorkerProcess Start(string project, string name, string url, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        var dll = DllOf(project);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["Urls"] = url;
        var log = new StreamWriter(Path.Combine(logDirectory, name + ".log"), append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(name, url, process, log);
        process.OutputDataReceived += (_, e) => worker.Record(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>The built DLL of a project under <c>src/</c>, in the configuration the tests were built with.</summary>
    public static string DllOf(string project, string? assembly = null)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(RepoPaths.Root, "src", project, "bin", output.Parent!.Name, output.Name, (assembly ?? project) + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} was not built; build the integration tests first.", dll);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails early, with the output, if the process exits.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready:\n{Tail()}");
            }
            try
            {
                using var response = await Http.GetAsync(Url + "/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Tail()}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no consumer close; exactly what a crash looks like.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public int CountLines(string fragment) => _lines.Count(l => l.Contains(fragment, StringComparison.Ordinal));

    public string Tail(int lines = 40) => $"--- {Name} ---\n" + string.Join("\n", _lines.TakeLast(lines));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.WaitForExit();
        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        _lines.Enqueue(line);
        lock (_log)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }
}

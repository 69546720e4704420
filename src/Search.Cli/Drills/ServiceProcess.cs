using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Search.Cli.Drills;

/// <summary>
/// The service as a separate operating-system process on 127.0.0.1, started from this very program, so a drill
/// can kill it with SIGKILL as a power cut or the OOM killer would, and start it again on the same data.
/// </summary>
public sealed class ServiceProcess(string dataDirectory, string logFile, IReadOnlyList<string> extraArguments) : IDisposable
{
    private Process? _process;

    public string Url { get; private set; } = "";

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Starts `serve` on a free loopback port and waits until /health answers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Under `dotnet Search.Cli.dll` (tests, dotnet run without an app host) the process is dotnet itself.
        var self = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.FileName = self;
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }
        else
        {
            start.FileName = self;
        }
        foreach (var argument in new[] { "serve", "--urls", Url, "--data", dataDirectory }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the service process");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Log(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Log(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode} during start-up; see {logFile}");
            }
            try
            {
                using var response = await http.GetAsync(Url + "/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"the service did not answer /health within two minutes; see {logFile}");
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed, the lock goes with the process.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: false);
            p.WaitForExit();
        }
    }

    /// <summary>A normal stop (SIGTERM): the service finishes its shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await p.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                p.Kill();
            }
        }
    }

    private static void Log(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }
}

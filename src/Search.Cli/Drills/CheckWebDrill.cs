using System.Diagnostics;
using System.Text.Json;

namespace Search.Cli.Drills;

/// <summary>
/// Runs `check-web` with screenshots again and again, each time as a separate process of this program over a fresh
/// data directory, and counts the runs that finish with a screenshot and a PDF of every page that answered. A run
/// still going after the time limit is a hang: it is killed and its last lines kept. Most addresses answer 404 at
/// once, so progress lines are being written on other threads while the browser starts, as in a real check.
/// </summary>
public sealed class CheckWebDrill(string work, int runs, IReadOnlyList<string> urls, TimeSpan limit, TextWriter progress)
{
    public async Task<CheckWebDrillReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new List<CheckWebDrillRun>();
        for (var run = 1; run <= runs; run++)
        {
            var outcome = await RunOnceAsync(run, cancellationToken);
            outcomes.Add(outcome);
            await progress.WriteLineAsync($"run {run}/{runs}: {outcome.Result} in {outcome.Seconds:F0} s, {outcome.Screenshots}/{outcome.PagesAnswered} pages with a screenshot");
        }
        return new CheckWebDrillReport(
            runs,
            outcomes.Count(o => o.Result == "finished"),
            outcomes.Count(o => o.Result == "hung"),
            outcomes.Count(o => o.Result == "failed"),
            urls.Count,
            Math.Round(clock.Elapsed.TotalSeconds, 1),
            outcomes.Where(o => o.Result != "finished").ToList());
    }

    private async Task<CheckWebDrillRun> RunOnceAsync(int run, CancellationToken cancellationToken)
    {
        var data = Path.Combine(work, $"run-{run:D3}");
        var arguments = new List<string> { "check-web" };
        foreach (var url in urls)
        {
            arguments.AddRange(["--url", url]);
        }
        // The site may be fetched, several pages at a time, so that many checks end while the browser starts. The drill
        // asks whether every run finishes: a slow screenshot on a busy machine gets two minutes rather than 45 s.
        arguments.AddRange(["--allow-host", "127.0.0.1", "--data", data, "--json", "--Search:WebChecks:PerHostConcurrency", "6",
            "--Search:WebChecks:ScreenshotTimeoutSeconds", "120", "--Search:IngestCorpusOnFirstStart", "false"]);
        using var process = Process.Start(SelfProcess.StartInfo(arguments)) ?? throw new InvalidOperationException("could not start check-web");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new CheckWebDrillRun(run, "hung", clock.Elapsed.TotalSeconds, 0, 0, Tail(await error));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var json = await output;
        if (process.ExitCode != 0)
        {
            return new CheckWebDrillRun(run, "failed", seconds, 0, 0, $"exit code {process.ExitCode}: {Tail(await error)}");
        }
        var answered = 0;
        var pictured = 0;
        var notes = new List<string>();
        foreach (var check in JsonDocument.Parse(json).RootElement.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("status").ValueKind == JsonValueKind.Number && c.GetProperty("status").GetInt32() == 200))
        {
            answered++;
            var folder = Path.Combine(data, "snapshots", check.GetProperty("id").GetString()!);
            if (File.Exists(Path.Combine(folder, "page.png")) && File.Exists(Path.Combine(folder, "page.pdf")))
            {
                pictured++;
            }
            else
            {
                notes.AddRange(check.GetProperty("notes").EnumerateArray().Select(n => n.GetString() ?? ""));
            }
        }
        return answered > 0 && pictured == answered
            ? new CheckWebDrillRun(run, "finished", seconds, answered, pictured, null)
            : new CheckWebDrillRun(run, "failed", seconds, answered, pictured, $"{pictured} of {answered} pages have a screenshot and a PDF: {string.Join("; ", notes.Distinct())}");
    }

    private static string Tail(string text) => string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
}

public sealed record CheckWebDrillRun(int Run, string Result, double Seconds, int PagesAnswered, int Screenshots, string? Detail);

public sealed record CheckWebDrillReport(int Runs, int Finished, int Hung, int Failed, int Addresses, double Seconds, IReadOnlyList<CheckWebDrillRun> Problems)
{
    public bool Passed => Finished == Runs;
}

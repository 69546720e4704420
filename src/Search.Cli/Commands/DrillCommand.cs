using Search.Cli.Drills;

namespace Search.Cli.Commands;

/// <summary>`drill crash|load`: kill -9 the service while it ingests, or load it from many clients, and check nothing is lost.</summary>
public sealed class DrillCommand : ICliCommand
{
    public string Name => "drill";

    public string Summary => "Crash and load drills against a service started on 127.0.0.1: nothing lost, nothing duplicated, no server errors.";

    public string Usage => """
        search drill crash [--files 1000] [--kills 3] [--batch 25] [--seed 7] [--work DIR] [--json]
        search drill load [--clients 8] [--seconds 120] [--preload 40] [--seed 7] [--work DIR] [--json]
          Each drill starts its own service over a fresh data directory (under --work, else a temporary folder removed afterwards).
        """;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var kind = args.Positional.FirstOrDefault() ?? throw new CliUsageException("say which drill: crash or load.");
        var keep = args.Get("work") is not null;
        var work = Path.GetFullPath(args.Get("work") ?? Path.Combine(Path.GetTempPath(), "search-drill-" + Guid.NewGuid().ToString("N")[..8]));
        if (Directory.Exists(work) && Directory.EnumerateFileSystemEntries(work).Any())
        {
            throw new CliUsageException($"--work {work} is not empty; a drill needs a fresh folder.");
        }
        Directory.CreateDirectory(work);
        // The service inherits the corpus this process found, and never ingests it: the drill counts its own files only.
        var corpus = context.Get<Microsoft.Extensions.Options.IOptions<Search.Core.Configuration.SearchOptions>>().Value.ResolveCorpusDirectory();
        var service = new List<string> { "--Search:IngestCorpusOnFirstStart", "false" };
        if (corpus is not null)
        {
            service.AddRange(["--Search:CorpusDirectory", corpus]);
        }
        var seed = args.GetInt("seed", 7);
        var log = args.Json ? TextWriter.Null : context.Error;
        try
        {
            switch (kind)
            {
                case "crash":
                    var kills = args.GetInt("kills", 3);
                    var crash = await new CrashDrill(work, args.GetInt("files", 1000), kills, args.GetInt("batch", 25), seed, log).RunAsync(service, cancellationToken);
                    if (args.Json)
                    {
                        context.WriteJson(crash);
                    }
                    else
                    {
                        await context.Output.WriteLineAsync($"{crash.Found}/{crash.Files} found, {crash.Lost} lost, {crash.Duplicated} duplicated " +
                            $"({crash.Kills} kills, {crash.UnfinishedJobs} unfinished jobs, store and index {(crash.Agrees ? "agree" : "disagree")}, {crash.Seconds:F0} s, {crash.FilesPerSecond} files/s)");
                    }
                    return crash.Passed ? ExitCodes.Success : ExitCodes.Failure;

                case "load":
                    var load = await new LoadDrill(work, args.GetInt("clients", 8), TimeSpan.FromSeconds(args.GetInt("seconds", 120)), args.GetInt("preload", 40), seed, log)
                        .RunAsync(service, cancellationToken);
                    if (args.Json)
                    {
                        context.WriteJson(load);
                    }
                    else
                    {
                        foreach (var o in load.Operations)
                        {
                            await context.Output.WriteLineAsync($"{o.Operation,-9} {o.Requests,6} requests  5xx {o.ServerErrors}  4xx {o.ClientErrors}  p50 {o.P50Ms} ms  p99 {o.P99Ms} ms");
                        }
                        await context.Output.WriteLineAsync($"{load.Requests} requests from {load.Clients} clients in {load.Seconds} s ({load.RequestsPerSecond}/s): " +
                            $"{load.ServerErrors} 5xx, {load.ConnectionErrors} connection errors, {load.Lost} of {load.Uploaded} uploaded files lost, {load.Duplicated} duplicated, " +
                            $"p50 {load.P50Ms} ms, p99 {load.P99Ms} ms");
                    }
                    return load.Passed ? ExitCodes.Success : ExitCodes.Failure;

                case "check-web":
                    var web = await RunCheckWebAsync(context, work, cancellationToken);
                    return web.Passed ? ExitCodes.Success : ExitCodes.Failure;

                default:
                    throw new CliUsageException($"unknown drill '{kind}': use crash, load or check-web.");
            }
        }
        finally
        {
            if (!keep)
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static async Task<CheckWebDrillReport> RunCheckWebAsync(CliContext context, string work, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var log = args.Json ? TextWriter.Null : context.Error;
        await using var site = args.GetAll("url").Count == 0 ? await DrillSite.StartAsync(cancellationToken) : null;
        // Two pages to picture and sixty that answer 404 at once, unless the addresses are given.
        var urls = site is null ? args.GetAll("url")
            : [.. Enumerable.Range(1, 2).Select(n => $"{site.BaseUrl}/page/{n}"), .. Enumerable.Range(1, 60).Select(n => $"{site.BaseUrl}/missing/{n}")];
        var report = await new CheckWebDrill(work, args.GetInt("runs", 50), urls, TimeSpan.FromSeconds(args.GetInt("timeout", 180)), log).RunAsync(cancellationToken);
        if (args.Json)
        {
            context.WriteJson(report);
        }
        else
        {
            await context.Output.WriteLineAsync($"{report.Finished}/{report.Runs} finished with screenshots, {report.Hung} hung, {report.Failed} failed ({report.Addresses} addresses a run, {report.Seconds:F0} s)");
            foreach (var p in report.Problems)
            {
                await context.Output.WriteLineAsync($"  run {p.Run}: {p.Result} after {p.Seconds:F0} s: {p.Detail}");
            }
        }
        return report;
    }
}

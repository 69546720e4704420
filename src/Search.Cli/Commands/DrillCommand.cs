using System.CommandLine;
using Search.Cli.Drills;

namespace Search.Cli.Commands;

/// <summary>`drill crash|load|workers|check-web`: kill -9 the service while it ingests, load it from many clients, kill a worker process in the middle of a scan, or run check-web with screenshots again and again.</summary>
public sealed class DrillCommand : ICliCommand
{
    public string Name => "drill";

    private static readonly Option<int> CrashFiles = CliOptions.Number("--files", "入库的文件数", 1000, minimum: 1);
    private static readonly Option<int> Kills = CliOptions.Number("--kills", "kill -9 几次", 3, minimum: 1);
    private static readonly Option<int> Batch = CliOptions.Number("--batch", "每次上传的文件数", 25, minimum: 1);
    private static readonly Option<int> CrashSeed = Seed();
    private static readonly Option<int> Clients = CliOptions.Number("--clients", "同时访问的客户端数", 8, minimum: 1);
    private static readonly Option<int> Seconds = CliOptions.Number("--seconds", "持续秒数", 120, minimum: 1);
    private static readonly Option<int> Preload = CliOptions.Number("--preload", "开始前先入库的文件数", 40);
    private static readonly Option<int> LoadSeed = Seed();
    private static readonly Option<int> WorkerFiles = CliOptions.Number("--files", "入库的文件数", 1000, minimum: 4);
    private static readonly Option<int> Scans = CliOptions.Number("--scans", "其中扫描件（需 OCR）的个数", 40);
    private static readonly Option<int> WorkerCount = CliOptions.Number("--workers", "最多几个 worker 进程", 3, minimum: 1);
    private static readonly Option<string> Postgres = CliOptions.Text("--postgres", "PostgreSQL 连接字符串（默认 SEARCH_TEST_POSTGRES；都没有时 worker 共用服务的 SQLite）", "CONNECTION");
    private static readonly Option<int> WorkersSeed = Seed();
    private static readonly Option<int> Runs = CliOptions.Number("--runs", "运行 check-web 的次数", 50, minimum: 1);
    private static readonly Option<string[]> Urls = CliOptions.Many("--url", "要检查的网址（默认本机临时网站的 2 个页面和 60 个 404 地址）", "URL");
    private static readonly Option<int> Timeout = CliOptions.Number("--timeout", "一次运行超过多少秒算作挂起", 180, minimum: 1);

    public Command Definition { get; } = new("drill", "演练：在 127.0.0.1 上自起服务或进程，检查不丢、不重、无服务器错误、不挂起。")
    {
        new Command("crash", "入库时反复 kill -9 服务，检查每个文件恰好找到一次") { CrashFiles, Kills, Batch, CrashSeed, Work() },
        new Command("load", "多个客户端同时上传、检索、查看、审核，统计服务器错误和延迟") { Clients, Seconds, Preload, LoadSeed, Work() },
        new Command("workers", "服务只管索引，由 worker 进程从队列领取文件入库：测 1–N 个 worker 的吞吐，再在读扫描件时 kill -9 一个 worker，检查每个文件恰好入库一次") { WorkerFiles, Scans, WorkerCount, Postgres, WorkersSeed, Work() },
        new Command("check-web", "把带截图的 check-web 作为独立进程反复运行，统计完成、挂起和失败的次数") { Runs, Urls, Timeout, Work() },
    };

    private static Option<int> Seed() => CliOptions.Number("--seed", "随机数种子", 7);

    // One per sub-command; read by name, since every drill takes it.
    private static Option<string> Work() => CliOptions.Text("--work", "工作目录（须为空；默认临时目录，结束后删除）", "DIR");

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var given = args.Parse.GetValue<string>("--work");
        var keep = given is not null;
        var work = Path.GetFullPath(given ?? Path.Combine(Path.GetTempPath(), "search-drill-" + Guid.NewGuid().ToString("N")[..8]));
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
        var log = args.Json ? TextWriter.Null : context.Error;
        try
        {
            switch (args.Verb)
            {
                case "crash":
                    var crash = await new CrashDrill(work, args.Value(CrashFiles), args.Value(Kills), args.Value(Batch), args.Value(CrashSeed), log).RunAsync(service, cancellationToken);
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

                case "workers":
                    var postgres = args.Value(Postgres) ?? Environment.GetEnvironmentVariable("SEARCH_TEST_POSTGRES");
                    var workers = await new WorkersDrill(work, args.Value(WorkerFiles), args.Value(Scans), args.Value(WorkerCount),
                        string.IsNullOrWhiteSpace(postgres) ? null : postgres, args.Value(WorkersSeed), log).RunAsync(service, cancellationToken);
                    if (args.Json)
                    {
                        context.WriteJson(workers);
                    }
                    else
                    {
                        foreach (var p in workers.Phases)
                        {
                            await context.Output.WriteLineAsync($"{p.Workers} worker(s): {p.Files} files in {p.Seconds} s = {p.FilesPerSecond} files/s ({p.PerWorker} per worker)");
                        }
                        await context.Output.WriteLineAsync($"{workers.Found}/{workers.Files} found, {workers.Lost} lost, {workers.Duplicated} duplicated " +
                            $"({workers.Store}, {workers.Scans} scans; {workers.Killed}; store and index {(workers.Agrees ? "agree" : "disagree")})");
                    }
                    return workers.Passed ? ExitCodes.Success : ExitCodes.Failure;

                case "load":
                    var load = await new LoadDrill(work, args.Value(Clients), TimeSpan.FromSeconds(args.Value(Seconds)), args.Value(Preload), args.Value(LoadSeed), log)
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
                    throw new CliUsageException($"未知的演练 {args.Verb}。");
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
        await using var site = args.Values(Urls).Count == 0 ? await DrillSite.StartAsync(cancellationToken) : null;
        // Two pages to picture and sixty that answer 404 at once, unless the addresses are given.
        var urls = site is null ? args.Values(Urls)
            : [.. Enumerable.Range(1, 2).Select(n => $"{site.BaseUrl}/page/{n}"), .. Enumerable.Range(1, 60).Select(n => $"{site.BaseUrl}/missing/{n}")];
        var report = await new CheckWebDrill(work, args.Value(Runs), urls, TimeSpan.FromSeconds(args.Value(Timeout)), log).RunAsync(cancellationToken);
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

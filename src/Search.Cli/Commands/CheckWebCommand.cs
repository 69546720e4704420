using System.CommandLine;
using Search.Core.WebChecks;

namespace Search.Cli.Commands;

/// <summary>`check-web`: checks that what must be published online is, and keeps a snapshot of each page as proof.</summary>
public sealed class CheckWebCommand : IServiceCommand
{
    public string Name => "check-web";

    private static readonly Option<string> Framework = CliOptions.Framework(required: false);
    private static readonly Option<int?> Indicator = CliOptions.OptionalIndicator();
    private static readonly Option<string[]> Url = CliOptions.Many("--url", "要检查的网址（可重复，或一次列出多个）", "URL");
    private static readonly Option<string[]> Expect = CliOptions.Many("--expect", "页面上应有的词（可重复），代替指标的用语", "WORD");
    private static readonly Option<string> Xlsx = CliOptions.Text("--xlsx", "把报告写成 Excel 文件", "FILE");

    public Command Definition { get; } = Build();

    private static Command Build()
    {
        var command = new Command("check-web", "网络检索：检查指标要求公开的网址能否访问、有无应有的词、发布是否及时，并保存快照和截图。")
        {
            Framework, Indicator, Url, Expect, Xlsx, CliOptions.AllowHost,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(Indicator) is not null && result.GetResult(Framework) is null)
            {
                result.AddError("--indicator 需要同时给出 --framework。");
            }
        });
        return command;
    }

    /// <summary>A check files its snapshot as evidence and may link it to the indicator: it writes.</summary>
    public bool Writes(CliArguments arguments) => true;

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var service = context.Get<WebCheckService>();
        var plan = service.Plan(args.Value(Framework), args.Value(Indicator), args.Values(Url), args.Values(Expect));
        await context.Error.WriteLineAsync($"checking {plan.Targets.Count} addresses; {plan.Unchecked.Count} indicators have no address");
        var done = 0;
        var progress = new Progress<WebCheckResult>(r =>
            context.Error.WriteLine($"[{Interlocked.Increment(ref done)}/{plan.Targets.Count}] {r.Outcome,-15} {r.Url}"));
        var report = await service.RunNowAsync(plan, Environment.UserName, progress, cancellationToken);
        return await WriteReportAsync(context, report, report is null ? null : () => WriteWorkbook(report));
    }

    /// <summary>Runs the check as a background run of the service and waits for its report.</summary>
    public async Task<int> RunThroughServiceAsync(CliContext context, ServiceClient service, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        if (args.Values(CliOptions.AllowHost).Count > 0)
        {
            throw new Search.Core.Configuration.ConfigurationException("Search:WebChecks:AllowHosts",
                "服务正在运行，本次检查由服务执行；--allow-host 只对命令行自己执行的检查有效，请在服务的配置中设置 Search:WebChecks:AllowHosts。");
        }
        var run = await service.PostJsonAsync<WebCheckRun>("/api/web-checks",
            new { framework = args.Value(Framework), indicator = args.Value(Indicator), urls = args.Values(Url), expect = args.Values(Expect) }, cancellationToken);
        await context.Error.WriteLineAsync($"checking {run.Total} addresses (run {run.Id})");
        var shown = -1;
        while (run.Status is "queued" or "running")
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            run = await service.GetAsync<WebCheckRun>($"/api/web-checks/{run.Id}", cancellationToken);
            if (run.Done != shown)
            {
                shown = run.Done;
                await context.Error.WriteLineAsync($"[{run.Done}/{run.Total}]");
            }
        }
        if (run.Report is null)
        {
            throw new Search.Core.Configuration.SearchException($"网络检索任务 {run.Id} 未完成：{run.Error}");
        }
        var workbook = await service.GetBytesAsync($"/api/web-checks/{run.Id}/report.xlsx", cancellationToken);
        return await WriteReportAsync(context, run.Report, () => workbook);
    }

    private static byte[] WriteWorkbook(WebCheckReport report)
    {
        using var buffer = new MemoryStream();
        WebCheckLedgerWriter.Write(report, buffer);
        return buffer.ToArray();
    }

    private static async Task<int> WriteReportAsync(CliContext context, WebCheckReport report, Func<byte[]>? workbook)
    {
        var args = context.Arguments;
        if (args.Value(Xlsx) is { } xlsx && workbook is not null)
        {
            await File.WriteAllBytesAsync(xlsx, workbook());
            await context.Error.WriteLineAsync($"report written to {xlsx}");
        }
        if (args.Json)
        {
            context.WriteJson(report);
            return ExitCodes.Success;
        }
        foreach (var c in report.Checks.OrderBy(c => c.Indicator ?? 0).ThenBy(c => c.Url, StringComparer.Ordinal))
        {
            var where = c.Indicator is { } i ? $"指标{i,-3} " : "";
            await context.Output.WriteLineAsync($"{where}{WebCheckOutcomes.Label(c.Outcome)}  {c.Url}  {c.Status?.ToString() ?? "-"}  {c.Title}");
            foreach (var note in c.Notes)
            {
                await context.Output.WriteLineAsync($"      {note}");
            }
        }
        foreach (var u in report.Unchecked)
        {
            await context.Output.WriteLineAsync($"指标{u.Indicator,-3} 未检查  {u.Reason}");
        }
        var counts = string.Join("，", report.Counts.Where(c => c.Value > 0).Select(c => $"{WebCheckOutcomes.Label(c.Key)} {c.Value}"));
        await context.Output.WriteLineAsync($"共检查 {report.Checks.Count} 个网址（{counts}），{report.Unchecked.Count} 个指标缺少网址；快照保存在数据目录 snapshots/ 下（任务 {report.RunId}）");
        return ExitCodes.Success;
    }
}

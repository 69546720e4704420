using Search.Core.WebChecks;

namespace Search.Cli.Commands;

/// <summary>`check-web`: checks that what must be published online is, and keeps a snapshot of each page as proof.</summary>
public sealed class CheckWebCommand : ICliCommand
{
    public string Name => "check-web";

    public string Summary => "Check the web addresses of the indicators checked online (网络检索): status, expected words, publication date, snapshot.";

    public string Usage => "search check-web [--framework ID [--indicator N]] [--url URL...] [--expect WORD...] [--xlsx FILE] [--allow-host HOST...] [--json]\n  --allow-host lets this run fetch a private or loopback host (Search:WebChecks:AllowHosts).";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        int? indicator = args.Get("indicator") is { } n
            ? int.TryParse(n, out var number) ? number : throw new CliUsageException($"--indicator takes an indicator number, not '{n}'.")
            : null;
        if (indicator is not null && args.Get("framework") is null)
        {
            throw new CliUsageException("--indicator needs --framework.");
        }
        var service = context.Get<WebCheckService>();
        var plan = service.Plan(args.Get("framework"), indicator, args.GetAll("url"), args.GetAll("expect"));
        await context.Error.WriteLineAsync($"checking {plan.Targets.Count} addresses; {plan.Unchecked.Count} indicators have no address");
        var done = 0;
        var progress = new Progress<WebCheckResult>(r =>
            context.Error.WriteLine($"[{Interlocked.Increment(ref done)}/{plan.Targets.Count}] {r.Outcome,-15} {r.Url}"));
        var report = await service.RunNowAsync(plan, Environment.UserName, progress, cancellationToken);

        if (args.Get("xlsx") is { } xlsx)
        {
            await using (var file = File.Create(xlsx))
            {
                WebCheckLedgerWriter.Write(report, file);
            }
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

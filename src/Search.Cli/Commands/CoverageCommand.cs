using Search.Core.Coverage;

namespace Search.Cli.Commands;

/// <summary>`coverage --framework ID`: per indicator and material item, what the evidence covers and what is missing.</summary>
public sealed class CoverageCommand : ICliCommand
{
    public string Name => "coverage";

    public string Summary => "Show per indicator and material item what is covered, and suggestions for what is not.";

    public string Usage => "search coverage --framework ID [--unit UNIT] [--xlsx FILE] [--package FILE.zip] [--json]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var framework = args.Get("framework") ?? throw new CliUsageException("--framework ID is required (see 'search frameworks list').");
        var report = context.Get<CoverageService>().Build(framework);
        if (args.Get("unit") is { } unit)
        {
            report = DepartmentView.Filter(report, unit);
        }
        if (args.Get("xlsx") is { } xlsx)
        {
            CoverageLedgerWriter.Write(report, xlsx);
            await context.Error.WriteLineAsync($"ledger written to {xlsx}");
        }
        if (args.Get("package") is { } package)
        {
            var count = context.Get<EvidencePackageWriter>().Write(report, package);
            await context.Error.WriteLineAsync($"package with {count} files written to {package}");
        }
        if (args.Json)
        {
            context.WriteJson(report);
            return ExitCodes.Success;
        }
        await context.Output.WriteLineAsync($"{report.Name}（{report.Framework}）：{report.CoveredCount}/{report.IndicatorCount} 个指标已有佐证，共 {report.DocumentCount} 份文件");
        foreach (var i in report.Indicators)
        {
            var items = i.Materials.Count == 0 ? "" : $"  材料 {i.Materials.Count(m => m.Satisfied)}/{i.Materials.Count}";
            var mark = i.Covered ? "✔" : "✘";
            await context.Output.WriteLineAsync($"{mark} 指标{i.Number,-3} 佐证 {i.EvidenceCount}{items}  牵头：{string.Join("、", i.LeadUnits)}");
            foreach (var s in i.Suggestions.Where(s => s.DocumentId.Length > 0))
            {
                await context.Output.WriteLineAsync($"      建议：{s.Title}（{s.Score:F2}）id {s.DocumentId}");
            }
        }
        return ExitCodes.Success;
    }
}

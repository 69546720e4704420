using System.CommandLine;
using Search.Core.Coverage;

namespace Search.Cli.Commands;

/// <summary>`coverage --framework ID`: per indicator and material item, what the evidence covers and what is missing.</summary>
public sealed class CoverageCommand : ICliCommand
{
    public string Name => "coverage";

    private static readonly Option<string> Framework = CliOptions.Framework(required: true);
    private static readonly Option<string> Unit = CliOptions.Text("--unit", "只看这个单位牵头或参与的指标", "UNIT");
    private static readonly Option<string> Xlsx = CliOptions.Text("--xlsx", "把台账写成 Excel 文件", "FILE");
    private static readonly Option<string> Package = CliOptions.Text("--package", "把每个指标的佐证打包成 ZIP 文件", "FILE.zip");

    public Command Definition { get; } = new("coverage", "按指标和申报材料列出已有佐证和缺少的材料，并推荐可能的佐证。") { Framework, Unit, Xlsx, Package };

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var framework = args.Value(Framework)!;
        var report = context.Get<CoverageService>().Build(framework);
        if (args.Value(Unit) is { } unit)
        {
            var resolved = DepartmentView.Resolve(unit, report.Indicators.SelectMany(i => i.LeadUnits.Concat(i.ResponsibleUnits).Concat(i.Materials.Select(m => m.LeadUnit ?? ""))));
            await context.Error.WriteLineAsync(resolved.Count == 0 ? $"没有与“{unit}”相符的单位" : $"单位：{string.Join("、", resolved)}");
            report = DepartmentView.Filter(report, unit);
        }
        if (args.Value(Xlsx) is { } xlsx)
        {
            CoverageLedgerWriter.Write(report, xlsx);
            await context.Error.WriteLineAsync($"ledger written to {xlsx}");
        }
        if (args.Value(Package) is { } package)
        {
            var count = context.Get<EvidencePackageWriter>().Write(report, package);
            await context.Error.WriteLineAsync($"package with {count} files written to {package}");
        }
        if (args.Json)
        {
            context.WriteJson(report);
            return ExitCodes.Success;
        }
        await context.Output.WriteLineAsync($"{report.Name}（{report.Framework}）：{report.CoveredCount}/{report.IndicatorCount} 个指标已有佐证，共 {report.DocumentCount} 份文件；材料 {report.ItemCount} 项：已确认 {report.ConfirmedItems}，待确认 {report.SuggestedItems}，缺 {report.MissingItems}");
        if (report.UnfiledDocuments.Count > 0)
        {
            await context.Output.WriteLineAsync($"{UnfiledDocument.Label}的文件 {report.UnfiledDocuments.Count} 份（不计入任何单位）：{string.Join("、", report.UnfiledDocuments.Take(5).Select(d => d.File))}{(report.UnfiledDocuments.Count > 5 ? " 等" : "")}");
        }
        foreach (var i in report.Indicators)
        {
            var items = i.Materials.Count == 0 ? "" : $"  材料 已确认 {i.ConfirmedItems}，待确认 {i.SuggestedItems}，缺 {i.MissingItems}（共 {i.Materials.Count}）";
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

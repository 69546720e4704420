using System.CommandLine;
using Search.Core.Frameworks;

namespace Search.Cli.Commands;

/// <summary>`frameworks list|show|import|export|check|unit`: the indicator frameworks read from the notices.</summary>
public sealed class FrameworksCommand : IServiceCommand
{
    public string Name => "frameworks";

    private static readonly Argument<string> ShowId = Id();
    private static readonly Option<int?> ShowIndicator = CliOptions.OptionalIndicator();
    private static readonly Argument<string> ImportFile = new("FILE") { Description = "通知（.txt .docx .pdf）或改好的台账（.json .xlsx）" };
    private static readonly Option<string> ImportId = CliOptions.Text("--id", "指标体系 id（字母、数字、-、_，默认取文件名）", "ID");
    private static readonly Option<string> ImportName = CliOptions.Text("--name", "指标体系名称", "NAME");
    private static readonly Argument<string> ExportId = Id();
    private static readonly Argument<string> ExportFile = new("FILE") { Description = "导出到的文件（.json 或 .xlsx）" };
    private static readonly Argument<string> CheckId = new("ID") { Description = "指标体系 id（默认全部）", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Argument<string> UnitId = Id();
    private static readonly Argument<string> UnitName = new("UNIT") { Description = "单位名称，如 区司法局" };

    public Command Definition { get; } = Build();

    private static Argument<string> Id() => new("ID") { Description = "指标体系 id（见 frameworks list）" };

    private static Command Build()
    {
        var command = new Command("frameworks", "列出、查看、导入、导出和检查指标体系；查看一个单位要提供的材料。")
        {
            new Command("list", "列出指标体系（不带子命令时也是列出）"),
            new Command("show", "显示指标体系的全部指标，或其中一个") { ShowId, ShowIndicator },
            new Command("import", "导入通知或台账中的指标体系，并重新匹配全部文件") { ImportFile, ImportId, ImportName },
            new Command("export", "导出指标体系") { ExportId, ExportFile },
            new Command("check", "报告解析问题：缺少、重复、顺序错乱的序号和未能归属的内容") { CheckId },
            new Command("unit", "一个单位牵头或参与的指标及要提供的材料") { UnitId, UnitName },
        };
        // `frameworks` alone lists them, as it always has.
        command.SetAction(_ => ExitCodes.Success);
        return command;
    }

    /// <summary>Only an import writes: it adds a framework and re-matches every document.</summary>
    public bool Writes(CliArguments arguments) => arguments.Verb == "import";

    public async Task<int> RunThroughServiceAsync(CliContext context, ServiceClient service, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var file = args.Value(ImportFile)!;
        if (!File.Exists(file))
        {
            throw new Search.Core.Configuration.NotFoundException($"文件不存在：{file}");
        }
        using var form = new MultipartFormDataContent { { ServiceClient.FilePart(file), "file", Path.GetFileName(file) } };
        if (args.Value(ImportId) is { } id)
        {
            form.Add(new StringContent(id), "id");
        }
        if (args.Value(ImportName) is { } name)
        {
            form.Add(new StringContent(name), "name");
        }
        var imported = await service.PostFormAsync<ImportedFramework>("/api/frameworks", form, cancellationToken);
        await context.Output.WriteLineAsync($"已导入 {imported.Id}：{imported.IndicatorCount} 个指标；服务已重新匹配全部文件" +
            (imported.Clean ? "" : "；有解析问题，见 frameworks check " + imported.Id));
        return ExitCodes.Success;
    }

    private sealed record ImportedFramework(string Id, string Name, int IndicatorCount, bool Clean);

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var catalog = context.Get<FrameworkCatalog>();
        switch (args.Verb ?? "list")
        {
            case "list":
                var list = catalog.All.Select(f => new { id = f.Id, name = f.Name, indicatorCount = f.IndicatorCount, sections = f.Sections.Count, clean = f.Report.IsClean }).ToList();
                if (args.Json)
                {
                    context.WriteJson(list.Select(f => new { f.id, f.name, f.indicatorCount }));
                }
                else
                {
                    foreach (var f in list)
                    {
                        await context.Output.WriteLineAsync($"{f.id,-16} {f.indicatorCount,4} 个指标  {f.sections} 个一级指标  {(f.clean ? "" : "（有解析问题，见 frameworks check）")}  {f.name}");
                    }
                }
                return ExitCodes.Success;

            case "show":
                var framework = catalog.Get(args.Value(ShowId)!);
                if (args.Value(ShowIndicator) is { } number)
                {
                    var indicator = catalog.GetIndicator(framework.Id, number);
                    if (args.Json)
                    {
                        context.WriteJson(indicator);
                    }
                    else
                    {
                        await WriteIndicatorAsync(context, indicator);
                    }
                    return ExitCodes.Success;
                }
                if (args.Json)
                {
                    context.WriteJson(framework);
                    return ExitCodes.Success;
                }
                await context.Output.WriteLineAsync($"{framework.Name}（{framework.Id}）：{framework.IndicatorCount} 个指标");
                foreach (var i in framework.Indicators)
                {
                    await WriteIndicatorAsync(context, i);
                }
                return ExitCodes.Success;

            case "import":
                var imported = catalog.Import(args.Value(ImportFile)!, args.Value(ImportId), args.Value(ImportName));
                var rematched = await context.Get<Search.Core.Matching.MappingService>().RematchAllAsync(cancellationToken);
                await context.Output.WriteLineAsync($"已导入 {imported.Id}：{imported.IndicatorCount} 个指标；已重新匹配 {rematched} 份文件" +
                    (imported.Report.IsClean ? "" : "；有解析问题，见 frameworks check " + imported.Id));
                return ExitCodes.Success;

            case "export":
                catalog.Export(args.Value(ExportId)!, args.Value(ExportFile)!);
                await context.Output.WriteLineAsync($"已导出到 {args.Value(ExportFile)}");
                return ExitCodes.Success;

            case "check":
                var targets = args.Value(CheckId) is { } checkId ? [catalog.Get(checkId)] : catalog.All;
                if (args.Json)
                {
                    context.WriteJson(targets.Select(f => new { id = f.Id, indicatorCount = f.IndicatorCount, report = f.Report }));
                    return ExitCodes.Success;
                }
                foreach (var f in targets)
                {
                    var r = f.Report;
                    await context.Output.WriteLineAsync($"{f.Id}：{f.IndicatorCount} 个指标（{r.Layout}）" + (r.IsClean ? "，未发现问题" : ""));
                    if (r.MissingNumbers.Count > 0) await context.Output.WriteLineAsync($"  缺少序号：{string.Join(",", r.MissingNumbers)}");
                    if (r.DuplicateNumbers.Count > 0) await context.Output.WriteLineAsync($"  重复序号：{string.Join(",", r.DuplicateNumbers)}");
                    if (r.OutOfOrder.Count > 0) await context.Output.WriteLineAsync($"  顺序错乱：{string.Join(",", r.OutOfOrder)}");
                    foreach (var cell in r.UnassignedCells.Take(20))
                    {
                        await context.Output.WriteLineAsync($"  第{cell.Line}行未能归属：{Shorten(cell.Text)}");
                    }
                    if (r.UnassignedCells.Count > 20) await context.Output.WriteLineAsync($"  ……另有 {r.UnassignedCells.Count - 20} 处未能归属");
                    foreach (var w in r.Warnings) await context.Output.WriteLineAsync($"  {w}");
                }
                return ExitCodes.Success;

            case "unit":
                var duties = catalog.IndicatorsForUnit(args.Value(UnitId)!, args.Value(UnitName)!);
                if (args.Json)
                {
                    context.WriteJson(duties);
                    return ExitCodes.Success;
                }
                await context.Output.WriteLineAsync($"{args.Value(UnitName)} 牵头或参与 {duties.Count} 个指标：");
                foreach (var d in duties)
                {
                    await context.Output.WriteLineAsync($"  指标{d.Number}（{(d.Role == "lead" ? "牵头" : "责任")}）{Shorten(d.Text)}");
                    foreach (var m in d.Materials)
                    {
                        await context.Output.WriteLineAsync($"      · {m}");
                    }
                }
                return ExitCodes.Success;

            default:
                throw new CliUsageException($"未知的子命令 {args.Verb}。");
        }
    }

    private static async Task WriteIndicatorAsync(CliContext context, Indicator i)
    {
        await context.Output.WriteLineAsync($"\n指标{i.Number}  [{i.SectionTitle}{(i.Group is null ? "" : " / " + i.Group)}]\n  {i.Text}");
        await context.Output.WriteLineAsync($"  牵头单位：{string.Join("、", i.LeadUnits)}  责任单位：{string.Join("、", i.ResponsibleUnits)}");
        foreach (var g in i.Materials)
        {
            await context.Output.WriteLineAsync($"  材料（{g.LeadUnit ?? "未注明单位"}）：");
            foreach (var item in g.Items)
            {
                await context.Output.WriteLineAsync($"    {item}");
            }
        }
        if (i.Methods.Count > 0) await context.Output.WriteLineAsync($"  测评方法：{string.Join("、", i.Methods)}");
        if (i.Explanation.Count > 0) await context.Output.WriteLineAsync($"  情况说明：{string.Join(" ", i.Explanation)}");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

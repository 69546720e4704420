using Search.Core.Frameworks;

namespace Search.Cli.Commands;

/// <summary>`frameworks list|show|import|export|check|unit`: the indicator frameworks read from the notices.</summary>
public sealed class FrameworksCommand : IServiceCommand
{
    public string Name => "frameworks";

    public string Summary => "List, show, import, export and check indicator frameworks; what a unit must supply.";

    public string Usage => """
        search frameworks list [--json]
        search frameworks show ID [--indicator N] [--json]
        search frameworks import FILE [--id ID] [--name NAME]   (.txt .docx .pdf notice, or .json .xlsx ledger)
        search frameworks export ID FILE                         (.json or .xlsx)
        search frameworks check [ID] [--json]
        search frameworks unit ID UNIT [--json]
        """;

    /// <summary>Only an import writes: it adds a framework and re-matches every document.</summary>
    public bool Writes(CliArguments arguments) => arguments.Positional.FirstOrDefault() == "import";

    public async Task<int> RunThroughServiceAsync(CliContext context, ServiceClient service, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var file = args.Positional.Count > 1 ? args.Positional[1] : throw new CliUsageException("frameworks import needs a file.");
        if (!File.Exists(file))
        {
            throw new Search.Core.Configuration.NotFoundException($"文件不存在：{file}");
        }
        using var form = new MultipartFormDataContent { { ServiceClient.FilePart(file), "file", Path.GetFileName(file) } };
        if (args.Get("id") is { } id)
        {
            form.Add(new StringContent(id), "id");
        }
        if (args.Get("name") is { } name)
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
        var verb = args.Positional.FirstOrDefault() ?? "list";
        string Arg(int index, string what) => args.Positional.Count > index ? args.Positional[index] : throw new CliUsageException($"frameworks {verb} needs {what}.");
        switch (verb)
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
                var framework = catalog.Get(Arg(1, "a framework id"));
                if (args.Get("indicator") is not null)
                {
                    var indicator = catalog.GetIndicator(framework.Id, args.GetInt("indicator", 0));
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
                var imported = catalog.Import(Arg(1, "a file"), args.Get("id"), args.Get("name"));
                var rematched = await context.Get<Search.Core.Matching.MappingService>().RematchAllAsync(cancellationToken);
                await context.Output.WriteLineAsync($"已导入 {imported.Id}：{imported.IndicatorCount} 个指标；已重新匹配 {rematched} 份文件" +
                    (imported.Report.IsClean ? "" : "；有解析问题，见 frameworks check " + imported.Id));
                return ExitCodes.Success;

            case "export":
                catalog.Export(Arg(1, "a framework id"), Arg(2, "a target file (.json or .xlsx)"));
                await context.Output.WriteLineAsync($"已导出到 {args.Positional[2]}");
                return ExitCodes.Success;

            case "check":
                var targets = args.Positional.Count > 1 ? [catalog.Get(args.Positional[1])] : catalog.All;
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
                var duties = catalog.IndicatorsForUnit(Arg(1, "a framework id"), Arg(2, "a unit name"));
                if (args.Json)
                {
                    context.WriteJson(duties);
                    return ExitCodes.Success;
                }
                await context.Output.WriteLineAsync($"{args.Positional[2]} 牵头或参与 {duties.Count} 个指标：");
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
                throw new CliUsageException($"unknown verb '{verb}'.");
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

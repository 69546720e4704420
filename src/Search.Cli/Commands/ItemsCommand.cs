using System.CommandLine;
using Search.Core.Coverage;
using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Cli.Commands;

/// <summary>
/// `items list|confirm|reject`: an indicator's material items with the evidence a reviewer confirmed apart from the
/// matcher's suggestions, and a reviewer's word on one document for one item (the same decision the page and
/// POST /api/frameworks/{id}/indicators/{n}/items/{item}/decisions record).
/// </summary>
public sealed class ItemsCommand : IServiceCommand
{
    public string Name => "items";

    private static readonly Argument<string> Document = new("DOCUMENT_ID") { Description = "文件 id（见 query 或 items list 的结果）" };
    private static readonly Option<string> Framework = CliOptions.Framework(required: true);
    private static readonly Option<int> Indicator = CliOptions.Indicator();
    private static readonly Option<int> Item = new("--item") { Description = "材料序号（指标申报材料清单中的第几项，见 items list）", HelpName = "K", Required = true };
    private static readonly Option<string> User = CliOptions.Text("--user", "记录在审计日志中的用户名（默认当前系统用户）", "NAME");
    private static readonly Option<string> Note = CliOptions.Text("--note", "备注，例如“已核对原件”", "TEXT");

    public Command Definition { get; } = new("items", "按申报材料逐项确认或否定佐证；列出指标各项材料的已确认和待确认佐证。")
    {
        new Command("list", "列出指标的各项材料：已确认、待确认的佐证和应向哪个单位索取") { Framework, Indicator },
        Decision("confirm", "确认文件就是该项材料"),
        Decision("reject", "否定文件是该项材料"),
    };

    private static Command Decision(string name, string description) => new(name, description) { Document, Framework, Indicator, Item, User, Note };

    public bool Writes(CliArguments arguments) => arguments.Verb is "confirm" or "reject";

    public async Task<int> RunThroughServiceAsync(CliContext context, ServiceClient service, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var path = $"/api/frameworks/{Uri.EscapeDataString(args.Value(Framework)!)}/indicators/{args.Value(Indicator)}/items/{args.Value(Item)}/decisions";
        var decision = await service.PostJsonAsync<ItemDecision>(path,
            new { documentId = args.Value(Document), decision = args.Verb, note = args.Value(Note) }, cancellationToken);
        await WriteDecisionAsync(context, decision);
        return ExitCodes.Success;
    }

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        if (args.Verb == "list")
        {
            return await ListAsync(context);
        }
        var kind = args.Verb == "confirm" ? DecisionKind.Confirm : DecisionKind.Reject;
        var decision = context.Get<ItemDecisionService>().Decide(args.Value(Document)!.Trim(), args.Value(Framework)!, args.Value(Indicator), args.Value(Item), kind,
            args.Value(User) ?? Environment.UserName, args.Value(Note));
        await WriteDecisionAsync(context, decision);
        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(CliContext context)
    {
        var args = context.Arguments;
        var report = context.Get<CoverageService>().Build(args.Value(Framework)!);
        var number = args.Value(Indicator);
        var indicator = report.Indicators.FirstOrDefault(i => i.Number == number)
            ?? throw new Search.Core.Configuration.NotFoundException($"{report.Name}（{report.Framework}）没有指标 {number}。");
        var rejected = context.Get<ItemDecisionRepository>().ForFramework(report.Framework)
            .Where(d => d.Number == number)
            .GroupBy(d => (d.Item, d.DocumentId))
            .Select(g => g.Last())
            .Where(d => d.Decision == DecisionKind.Reject)
            .ToLookup(d => d.Item);
        var documents = context.Get<DocumentRepository>();
        string TitleOf(string id) => documents.Get(id) is { } d ? d.Title ?? d.FileName : id;
        var items = indicator.Materials.Select(m => new ItemListing(
            m.Index, m.Item, m.Status, ItemStatus.Label(m.Status), m.Required, m.AskUnit, m.TimeWindow,
            m.Evidence.Where(e => e.Source == ItemStatus.Confirmed).Select(e => new ItemListingEvidence(e.DocumentId, e.Title, e.Reason, e.Duplicates)).ToList(),
            m.Evidence.Where(e => e.Source == ItemStatus.Suggested).Select(e => new ItemListingEvidence(e.DocumentId, e.Title, e.Reason, e.Duplicates)).ToList(),
            rejected[m.Index].Select(d => new ItemListingRejection(d.DocumentId, TitleOf(d.DocumentId), d.User, d.Note)).ToList(),
            m.OutsideWindow)).ToList();
        if (args.Json)
        {
            context.WriteJson(new { framework = report.Framework, number, text = indicator.Text, items });
            return ExitCodes.Success;
        }
        var output = context.Output;
        await output.WriteLineAsync($"指标{number}：{indicator.Text}");
        await output.WriteLineAsync($"材料 {items.Count} 项：已确认 {indicator.ConfirmedItems}，待确认 {indicator.SuggestedItems}，缺 {indicator.MissingItems}");
        foreach (var item in items)
        {
            var count = item.Required > 1 ? $"，需 {item.Required} 份" : "";
            await output.WriteLineAsync($"第{item.Index}项【{item.Label}{count}】{item.Item}");
            foreach (var e in item.Confirmed)
            {
                await output.WriteLineAsync($"    ✔ 已确认  {e.Title}  id {e.DocumentId}  {e.Reason}{Copies(e)}");
            }
            foreach (var e in item.Suggested)
            {
                await output.WriteLineAsync($"    ○ 待确认  {e.Title}  id {e.DocumentId}  {e.Reason}{Copies(e)}");
            }
            foreach (var r in item.Rejected)
            {
                await output.WriteLineAsync($"    ✘ 已否定  {r.Title}  id {r.DocumentId}（{r.User}{(string.IsNullOrWhiteSpace(r.Note) ? "" : "：" + r.Note)}）");
            }
            if (item.OutsideWindow.Count > 0)
            {
                await output.WriteLineAsync($"    · 日期不在“{item.TimeWindow}”之内：{string.Join("、", item.OutsideWindow.Select(TitleOf))}");
            }
            if (item.Status is ItemStatus.Missing or ItemStatus.Partial && item.AskUnit is { } unit)
            {
                await output.WriteLineAsync($"    请向 {unit} 索取");
            }
        }
        return ExitCodes.Success;
    }

    private static string Copies(ItemListingEvidence e) => e.Duplicates.Count == 0 ? "" : $"（另有副本 {e.Duplicates.Count} 份，不重复计数）";

    private static async Task WriteDecisionAsync(CliContext context, ItemDecision decision)
    {
        if (context.Arguments.Json)
        {
            context.WriteJson(decision);
            return;
        }
        var what = decision.Decision == DecisionKind.Reject ? "否定" : "确认";
        var note = string.IsNullOrWhiteSpace(decision.Note) ? "" : $"，备注：{decision.Note}";
        await context.Output.WriteLineAsync($"已记录：{what}文件 {decision.DocumentId} 为 {decision.Framework} 指标{decision.Number} 第{decision.Item}项材料（{decision.User}{note}）");
    }

    private sealed record ItemListing(
        int Index, string Item, string Status, string Label, int Required, string? AskUnit, string? TimeWindow,
        IReadOnlyList<ItemListingEvidence> Confirmed, IReadOnlyList<ItemListingEvidence> Suggested, IReadOnlyList<ItemListingRejection> Rejected,
        IReadOnlyList<string> OutsideWindow);

    private sealed record ItemListingEvidence(string DocumentId, string Title, string Reason, IReadOnlyList<string> Duplicates);

    private sealed record ItemListingRejection(string DocumentId, string Title, string User, string? Note);
}

using System.CommandLine;
using Search.Core.Llm;

namespace Search.Cli.Commands;

/// <summary>`draft --framework ID --indicator N`: a cited draft of the indicator's 情况说明 from the configured model, saved for the reviewer; `--list` shows the saved ones.</summary>
public sealed class DraftCommand : ICliCommand
{
    public string Name => "draft";

    private static readonly Option<string> Framework = CliOptions.Framework(required: true);
    private static readonly Option<int> Indicator = CliOptions.Indicator();
    private static readonly Option<bool> List = CliOptions.Flag("--list", "列出已保存的草稿，不新写");

    public Command Definition { get; } = new("draft", "用配置的语言模型根据佐证起草指标的情况说明（保存为草稿）。") { Framework, Indicator, List };

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var framework = args.Value(Framework)!;
        var number = args.Value(Indicator);
        var service = context.Get<DraftService>();
        if (args.Value(List))
        {
            var saved = service.List(framework, number);
            if (args.Json)
            {
                context.WriteJson(saved.Select(Json));
                return ExitCodes.Success;
            }
            foreach (var d in saved)
            {
                await context.Output.WriteLineAsync($"{d.CreatedAt:yyyy-MM-dd HH:mm}  {d.Id}  {d.Length}/{d.Limit} 字  {d.Model}  {d.CreatedBy}\n  {d.Text}");
            }
            return ExitCodes.Success;
        }

        var draft = await service.DraftAsync(framework, number, "cli:" + Environment.UserName, cancellationToken);
        if (args.Json)
        {
            context.WriteJson(Json(draft));
            return ExitCodes.Success;
        }
        await context.Output.WriteLineAsync($"{draft.Framework} 指标{draft.Number} 情况说明草稿（{draft.Length}/{draft.Limit} 字，{draft.LimitSource}，草稿 id {draft.Id}）：\n");
        await context.Output.WriteLineAsync(draft.Text + "\n");
        foreach (var c in draft.Citations)
        {
            await context.Output.WriteLineAsync($"  [{c.Marker}] {c.Title}  第{c.Page}页  id {c.DocumentId}");
        }
        foreach (var w in draft.Warnings)
        {
            await context.Output.WriteLineAsync($"  ⚠ {w}");
        }
        await context.Output.WriteLineAsync($"\n{draft.Notice}");
        return ExitCodes.Success;
    }

    private static object Json(ExplanationDraft d) => new
    {
        id = d.Id,
        framework = d.Framework,
        indicator = d.Number,
        text = d.Text,
        length = d.Length,
        limit = d.Limit,
        limitSource = d.LimitSource,
        citations = d.Citations.Select(c => new { marker = c.Marker, documentId = c.DocumentId, page = c.Page, title = c.Title }),
        warnings = d.Warnings,
        status = d.Status,
        model = d.Model,
        createdAt = d.CreatedAt,
        notice = d.Notice,
    };
}

using Search.Core.Llm;

namespace Search.Cli.Commands;

/// <summary>`draft --framework ID --indicator N`: a cited draft of the indicator's 情况说明 from the configured model, saved for the reviewer; `--list` shows the saved ones.</summary>
public sealed class DraftCommand : ICliCommand
{
    public string Name => "draft";

    public string Summary => "Draft an indicator's 情况说明 from its evidence with the configured language model (saved as a draft).";

    public string Usage => "search draft --framework ID --indicator N [--list] [--json]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var framework = args.Get("framework") ?? throw new CliUsageException("--framework ID is required (see 'search frameworks list').");
        var number = args.Get("indicator") is not null ? args.GetInt("indicator", 0) : throw new CliUsageException("--indicator N is required.");
        var service = context.Get<DraftService>();
        if (args.Has("list"))
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

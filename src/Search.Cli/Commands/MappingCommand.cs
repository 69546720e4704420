using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>`mapping confirm|reject|add|list`: reviewer decisions on which indicator a document supports.</summary>
public sealed class MappingCommand : ICliCommand
{
    public string Name => "mapping";

    public string Summary => "Confirm, reject or add a document's indicator mapping; list a document's mappings.";

    public string Usage => "search mapping confirm|reject|add DOCUMENT_ID --framework ID --indicator N [--user NAME] [--note TEXT]\nsearch mapping list DOCUMENT_ID [--json]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        if (args.Positional.Count < 2)
        {
            throw new CliUsageException("say what to do and to which document.");
        }
        var (verb, documentId) = (args.Positional[0], args.Positional[1]);
        var service = context.Get<MappingService>();
        if (verb == "list")
        {
            var mappings = service.MappingsOf(documentId);
            if (args.Json)
            {
                context.WriteJson(mappings);
                return ExitCodes.Success;
            }
            foreach (var m in mappings)
            {
                await context.Output.WriteLineAsync($"{m.Framework}#{m.Number}  {(m.Score is { } s ? s.ToString("F3") : "-")}  {m.Decision?.ToString() ?? "自动"}  {string.Join("；", m.Reasons)}");
            }
            return ExitCodes.Success;
        }
        var kind = verb switch
        {
            "confirm" => DecisionKind.Confirm,
            "reject" => DecisionKind.Reject,
            "add" => DecisionKind.Add,
            _ => throw new CliUsageException($"unknown verb '{verb}': use confirm, reject, add or list."),
        };
        var framework = args.Get("framework") ?? throw new CliUsageException("--framework ID is required.");
        var number = args.Get("indicator") is null ? throw new CliUsageException("--indicator N is required.") : args.GetInt("indicator", 0);
        var decision = await service.DecideAsync(documentId, framework, number, kind, args.Get("user") ?? Environment.UserName, args.Get("note"), cancellationToken);
        if (args.Json)
        {
            context.WriteJson(decision);
        }
        else
        {
            await context.Output.WriteLineAsync($"已记录：{decision.DocumentId} → {decision.Framework}#{decision.Number} {decision.Decision}（{decision.User}）");
        }
        return ExitCodes.Success;
    }
}

using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>`mapping confirm|reject|add|list`: reviewer decisions on which indicator a document supports.</summary>
public sealed class MappingCommand : IServiceCommand
{
    public string Name => "mapping";

    public string Summary => "Confirm, reject or add a document's indicator mapping; list a document's mappings.";

    public string Usage => "search mapping confirm|reject|add DOCUMENT_ID --framework ID --indicator N [--user NAME] [--note TEXT]\nsearch mapping list DOCUMENT_ID [--json]";

    public bool Writes(CliArguments arguments) => arguments.Positional.FirstOrDefault() is "confirm" or "reject" or "add";

    public async Task<int> RunThroughServiceAsync(CliContext context, ServiceClient service, CancellationToken cancellationToken)
    {
        var (documentId, framework, number, kind) = ReadDecision(context.Arguments);
        var decision = await service.PostJsonAsync<MappingDecision>($"/api/documents/{Uri.EscapeDataString(documentId)}/mappings",
            new { framework, number, decision = kind.ToString().ToLowerInvariant(), note = context.Arguments.Get("note") }, cancellationToken);
        await WriteDecisionAsync(context, decision);
        return ExitCodes.Success;
    }

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
        var (_, framework, number, kind) = ReadDecision(args);
        var decision = await service.DecideAsync(documentId, framework, number, kind, args.Get("user") ?? Environment.UserName, args.Get("note"), cancellationToken);
        await WriteDecisionAsync(context, decision);
        return ExitCodes.Success;
    }

    private static (string DocumentId, string Framework, int Number, DecisionKind Kind) ReadDecision(CliArguments args)
    {
        if (args.Positional.Count < 2)
        {
            throw new CliUsageException("say what to do and to which document.");
        }
        var kind = args.Positional[0] switch
        {
            "confirm" => DecisionKind.Confirm,
            "reject" => DecisionKind.Reject,
            "add" => DecisionKind.Add,
            var verb => throw new CliUsageException($"unknown verb '{verb}': use confirm, reject, add or list."),
        };
        var framework = args.Get("framework") ?? throw new CliUsageException("--framework ID is required.");
        var number = args.Get("indicator") is null ? throw new CliUsageException("--indicator N is required.") : args.GetInt("indicator", 0);
        return (args.Positional[1], framework, number, kind);
    }

    private static async Task WriteDecisionAsync(CliContext context, MappingDecision decision)
    {
        if (context.Arguments.Json)
        {
            context.WriteJson(decision);
        }
        else
        {
            await context.Output.WriteLineAsync($"已记录：{decision.DocumentId} → {decision.Framework}#{decision.Number} {decision.Decision}（{decision.User}）");
        }
    }
}

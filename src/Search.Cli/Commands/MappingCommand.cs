using System.CommandLine;
using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>`mapping confirm|reject|add|list`: reviewer decisions on which indicator a document supports.</summary>
public sealed class MappingCommand : IServiceCommand
{
    public string Name => "mapping";

    private static readonly Argument<string> Document = new("DOCUMENT_ID") { Description = "文件 id（见 query 的结果）" };
    private static readonly Option<string> Framework = CliOptions.Framework(required: true);
    private static readonly Option<int> Indicator = CliOptions.Indicator();
    private static readonly Option<string> User = CliOptions.Text("--user", "记录在审计日志中的用户名（默认当前系统用户）", "NAME");
    private static readonly Option<string> Note = CliOptions.Text("--note", "备注", "TEXT");

    public Command Definition { get; } = new("mapping", "确认、否定或添加文件与指标的对应关系；列出文件的对应关系。")
    {
        Decision("confirm", "确认文件支撑该指标"),
        Decision("reject", "否定文件与该指标的对应"),
        Decision("add", "添加自动匹配没有给出的指标"),
        new Command("list", "列出文件的全部对应关系") { Document },
    };

    private static Command Decision(string name, string description) => new(name, description) { Document, Framework, Indicator, User, Note };

    public bool Writes(CliArguments arguments) => arguments.Verb is "confirm" or "reject" or "add";

    public async Task<int> RunThroughServiceAsync(CliContext context, ServiceClient service, CancellationToken cancellationToken)
    {
        var (documentId, framework, number, kind) = ReadDecision(context.Arguments);
        var decision = await service.PostJsonAsync<MappingDecision>($"/api/documents/{Uri.EscapeDataString(documentId)}/mappings",
            new { framework, number, decision = kind.ToString().ToLowerInvariant(), note = context.Arguments.Value(Note) }, cancellationToken);
        await WriteDecisionAsync(context, decision);
        return ExitCodes.Success;
    }

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var documentId = args.Value(Document)!;
        var service = context.Get<MappingService>();
        if (args.Verb == "list")
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
        var decision = await service.DecideAsync(documentId, framework, number, kind, args.Value(User) ?? Environment.UserName, args.Value(Note), cancellationToken);
        await WriteDecisionAsync(context, decision);
        return ExitCodes.Success;
    }

    private static (string DocumentId, string Framework, int Number, DecisionKind Kind) ReadDecision(CliArguments args)
    {
        var kind = args.Verb switch
        {
            "confirm" => DecisionKind.Confirm,
            "reject" => DecisionKind.Reject,
            _ => DecisionKind.Add,
        };
        return (args.Value(Document)!, args.Value(Framework)!, args.Value(Indicator), kind);
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

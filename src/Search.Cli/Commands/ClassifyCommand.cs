using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>`classify FILE --framework ID`: which indicators a document fits, best first, with reasons; empty when nothing fits.</summary>
public sealed class ClassifyCommand : ICliCommand
{
    public string Name => "classify";

    public string Summary => "Tell which indicators of a framework a document supports, and why.";

    public string Usage => "search classify FILE --framework ID [--top K] [--rerank] [--json]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("name exactly one file to classify.");
        }
        var framework = args.Get("framework") ?? throw new CliUsageException("--framework ID is required (see 'search frameworks list').");
        var path = args.Positional[0];
        if (!File.Exists(path))
        {
            throw new Search.Core.Configuration.NotFoundException($"文件不存在：{path}");
        }
        var result = args.Has("rerank")
            ? await context.Get<Search.Core.Llm.RerankedClassification>().ClassifyFileAsync(path, Path.GetFileName(path), framework, args.GetInt("top", 3), cancellationToken)
            : await context.Get<ClassificationService>().ClassifyFileAsync(path, Path.GetFileName(path), framework, args.GetInt("top", 3), cancellationToken);
        if (args.Json)
        {
            context.WriteJson(new { framework = result.Framework, title = result.Title, indicators = result.Indicators });
            return ExitCodes.Success;
        }
        if (result.Indicators.Count == 0)
        {
            await context.Output.WriteLineAsync($"《{result.Title}》与 {framework} 的任何指标都不相符。");
            return ExitCodes.Success;
        }
        await context.Output.WriteLineAsync($"《{result.Title}》最可能支撑的指标（{framework}）：");
        foreach (var i in result.Indicators)
        {
            await context.Output.WriteLineAsync($"  指标{i.Number}  得分 {i.Score:F3}  {string.Join("；", i.Reasons)}");
        }
        return ExitCodes.Success;
    }
}

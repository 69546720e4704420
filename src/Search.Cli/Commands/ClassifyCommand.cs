using System.CommandLine;
using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>`classify FILE --framework ID`: which indicators a document fits, best first, with reasons; empty when nothing fits.</summary>
public sealed class ClassifyCommand : ICliCommand
{
    public string Name => "classify";

    private static readonly Argument<string> File = new("FILE") { Description = "要判断的文件" };
    private static readonly Option<string> Framework = CliOptions.Framework(required: true);
    private static readonly Option<int> Top = CliOptions.Number("--top", "最多列出几个指标", 3, minimum: 1);
    private static readonly Option<bool> Rerank = CliOptions.Flag("--rerank", "用配置的语言模型向量重排");

    public Command Definition { get; } = new("classify", "判断一份文件支撑指标体系中的哪些指标，并说明理由。") { File, Framework, Top, Rerank };

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var framework = args.Value(Framework)!;
        var path = args.Value(File)!;
        if (!System.IO.File.Exists(path))
        {
            throw new Search.Core.Configuration.NotFoundException($"文件不存在：{path}");
        }
        var result = args.Value(Rerank)
            ? await context.Get<Search.Core.Llm.RerankedClassification>().ClassifyFileAsync(path, Path.GetFileName(path), framework, args.Value(Top), cancellationToken)
            : await context.Get<ClassificationService>().ClassifyFileAsync(path, Path.GetFileName(path), framework, args.Value(Top), cancellationToken);
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

using System.CommandLine;
using Search.Core.Configuration;

namespace Search.Cli.Commands;

/// <summary>`bench ingest|search|classify|ocr`: prints speed and quality figures measured in one run.</summary>
public sealed class BenchCommand : ICliCommand
{
    public string Name => "bench";

    public static readonly Option<int> Files = CliOptions.Number("--files", "生成多少个文件（至少 2）", 40, minimum: 2);
    public static readonly Option<int> Passages = CliOptions.Number("--passages", "生成多少个段落（至少 1000）", 100_000, minimum: 1000);
    public static readonly Option<int> Queries = CliOptions.Number("--queries", "查询组合重复几轮", 50, minimum: 1);
    public static readonly Option<string[]> Eval = CliOptions.Many("--eval", "评测集文件（默认 corpus/eval 下全部）", "FILE");
    public static readonly Option<string[]> Setting = CliOptions.Many("--setting", "校准用的匹配常数，如 Threshold=0.1", "NAME=VALUE");
    public static readonly Option<string> Framework = CliOptions.Framework(required: false);
    public static readonly Option<bool> Rerank = CliOptions.Flag("--rerank", "同时测量向量重排（需配置语言模型）");
    public static readonly Option<bool> TuneMisses = CliOptions.Flag("--tune-misses", "列出调参集上未命中的条目（测试集从不逐条列出）");
    public static readonly Option<bool> NoFresh = CliOptions.Flag("--no-fresh", "不运行 fresh、fresh2 和 fresh3 集（只看 tune、tune2 和留出集时用）");
    public static readonly Option<string> Formats = CliOptions.Text("--formats", "测量的格式，逗号分隔：text,docx,pdf,scan", "LIST");
    public static readonly Option<int> Sources = CliOptions.Number("--sources", "用几份真实公文生成页面（1–8）", 8, minimum: 1);
    public static readonly Option<int> Skip = CliOptions.Number("--skip", "跳过前几份公文", 0);
    public static readonly Option<string> Variants = CliOptions.Text("--variants", "页面变体，逗号分隔（默认全部）", "LIST");
    public static readonly Option<string> Chromium = CliOptions.Text("--chromium", "生成网页截图用的 Chromium", "PATH");
    public static readonly Option<string> Keep = CliOptions.Text("--keep", "保留生成的页面图片到该目录", "DIR");
    public static readonly Option<string> Index = CliOptions.Text("--index", "把生成的索引保留在该目录；目录中已有同样规模的索引时直接复用，不再重建", "DIR");

    public Command Definition { get; } = new("bench", "测量入库速度、检索延迟或指标匹配准确率（同一次运行中与原始 Lucene 比较）。")
    {
        new Command("ingest", "按格式（文本、Word、文字 PDF、扫描 PDF）测量整条入库流水线，与各自的原始引擎比较，并给出峰值内存") { Files, Formats },
        new Command("search", "检索延迟 p50/p99 和吞吐，与同一查询的原始 IndexSearcher 比较") { Passages, Queries, Index },
        new Command("classify", "corpus/eval 上的 accuracy@1/@3 和无关文件误匹配率") { Eval, Setting, Framework, Rerank, TuneMisses },
        new Command("coverage", "corpus/eval/coverage 上逐项材料的准确率和召回率（留出集）") { Eval, TuneMisses, NoFresh },
        new Command("ocr", "PP-OCR 与 Tesseract 在同一批页面上的字符错误率和每秒页数") { Sources, Skip, Variants, Chromium, Keep },
    };

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        object figures = args.Verb switch
        {
            "classify" when args.Value(Rerank) => await RerankBenchmarkRunner.RunAsync(context, cancellationToken),
            "classify" => await ClassifyBenchmarkRunner.RunAsync(context, cancellationToken),
            "search" => await SearchBenchmarkRunner.RunAsync(context, cancellationToken),
            "ingest" => await IngestBenchmarkRunner.RunAsync(context, cancellationToken),
            "ocr" => await OcrBenchmarkRunner.RunAsync(context, cancellationToken),
            "coverage" => await CoverageBenchmarkRunner.RunAsync(context, cancellationToken),
            _ => throw new CliUsageException($"未知的测量 {args.Verb}。"),
        };
        if (args.Json)
        {
            context.WriteJson(figures);
        }
        else if (figures is OcrBenchmarkReport report)
        {
            await context.Output.WriteLineAsync(report.ToTable());
        }
        else
        {
            foreach (var property in figures.GetType().GetProperties())
            {
                await context.Output.WriteLineAsync($"{property.Name,-28} {Format(property.GetValue(figures))}");
            }
        }
        return ExitCodes.Success;
    }

    private static string Format(object? value) => value switch
    {
        null => "-",
        System.Collections.IEnumerable list and not string => string.Join("\n" + new string(' ', 29), list.Cast<object>()),
        _ => value.ToString() ?? "-",
    };
}

using Search.Core.Configuration;

namespace Search.Cli.Commands;

/// <summary>`bench ingest|search|classify`: prints speed and quality figures measured in one run.</summary>
public sealed class BenchCommand : ICliCommand
{
    public string Name => "bench";

    public string Summary => "Measure ingestion speed, search latency, classification accuracy or OCR quality and speed.";

    public string Usage => "search bench ingest [--files N] [--formats text,docx,pdf,scan] | search bench search [--passages N] [--queries N] | search bench classify [--eval FILE...] [--setting NAME=VALUE...] [--framework ID] [--rerank] [--tune-misses] | search bench ocr [--sources N] [--skip N] [--variants A,B] [--keep DIR] [--json]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var what = args.Positional.FirstOrDefault() ?? throw new CliUsageException("say what to measure: ingest, search, classify or ocr.");
        object figures = what switch
        {
            "classify" when args.Has("rerank") => await RerankBenchmarkRunner.RunAsync(context, cancellationToken),
            "classify" => await ClassifyBenchmarkRunner.RunAsync(context, cancellationToken),
            "search" => await SearchBenchmarkRunner.RunAsync(context, cancellationToken),
            "ingest" => await IngestBenchmarkRunner.RunAsync(context, cancellationToken),
            "ocr" => await OcrBenchmarkRunner.RunAsync(context, cancellationToken),
            _ => throw new CliUsageException($"unknown benchmark '{what}': use ingest, search, classify or ocr."),
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

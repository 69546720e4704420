using System.Diagnostics;
using Search.Core.Configuration;
using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>`bench ingest|search|classify`: prints speed and quality figures measured in one run.</summary>
public sealed class BenchCommand : ICliCommand
{
    public string Name => "bench";

    public string Summary => "Measure ingestion speed, search latency, classification accuracy or OCR quality and speed.";

    public string Usage => "search bench ingest [--files N] | search bench search [--passages N] [--queries N] | search bench classify [--eval FILE] [--framework ID] [--rerank] | search bench ocr [--sources N] [--skip N] [--variants A,B] [--keep DIR]  [--json]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var what = args.Positional.FirstOrDefault() ?? throw new CliUsageException("say what to measure: ingest, search, classify or ocr.");
        object figures = what switch
        {
            "classify" when args.Has("rerank") => await RerankBenchmarkRunner.RunAsync(context, cancellationToken),
            "classify" => Classify(context),
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

    private static object Classify(CliContext context)
    {
        var (path, items, framework, matcher) = EvaluationSet.Load(context);
        var stopwatch = Stopwatch.StartNew();
        var test = ClassificationEvaluation.Evaluate(matcher, items, "test", withExamples: false);
        var tune = ClassificationEvaluation.Evaluate(matcher, items, "tune", withExamples: false);
        var perItemMs = stopwatch.Elapsed.TotalMilliseconds / Math.Max(1, test.Items + tune.Items);

        // Reviewer confirmations as examples: the tune split's related items are "confirmed" and the test split is scored again.
        foreach (var group in items.Where(i => i.Framework == framework && i.Split == "tune" && i.Expected.Length > 0).GroupBy(i => i.Expected[0]))
        {
            matcher.SetExamples(group.Key, group.Select(i => (i.Title, i.Text)));
        }
        var withExamples = ClassificationEvaluation.Evaluate(matcher, items, "test", withExamples: true);
        var byKindWith = items.Select(i => i.Kind).Distinct().ToDictionary(k => k, k => ClassificationEvaluation.Evaluate(matcher, items, "test", true, k));
        matcher.ClearExamples();
        var byKind = items.Select(i => i.Kind).Distinct().Select(k => (Kind: k, Without: ClassificationEvaluation.Evaluate(matcher, items, "test", false, k), With: byKindWith[k]))
            .Select(x => $"{x.Kind}: items {x.Without.Items}, acc@1 {x.Without.AccuracyAt1} → {x.With.AccuracyAt1} with examples, acc@3 {x.Without.AccuracyAt3} → {x.With.AccuracyAt3}, unrelated mapped {x.Without.UnrelatedMappedRate}")
            .ToList();

        return new
        {
            framework,
            evalFile = path,
            items = test.Items,
            accuracyAt1 = test.AccuracyAt1,
            accuracyAt3 = test.AccuracyAt3,
            unrelatedMappedRate = test.UnrelatedMappedRate,
            missedRelatedRate = test.MissedRelatedRate,
            tune = new { tune.Items, tune.AccuracyAt1, tune.AccuracyAt3, tune.UnrelatedMappedRate },
            withConfirmedExamples = new { withExamples.AccuracyAt1, withExamples.AccuracyAt3, withExamples.UnrelatedMappedRate },
            testByKind = byKind,
            msPerItem = Math.Round(perItemMs, 2),
        };
    }
}

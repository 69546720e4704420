using System.Diagnostics;
using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>
/// `bench classify`: the labelled sets in corpus/eval scored by the matcher. Texts are matched as they are;
/// files (saved pages, PDFs, documents) are read the way ingestion reads them, name included, so path hints
/// and page reading are measured too. The headline figures are the real set's held-out test split.
/// </summary>
public static class ClassifyBenchmarkRunner
{
    private static bool IsMiss(ClassificationEvaluation.Item item, IReadOnlyList<IndicatorMatch> matches) =>
        item.Expected.Length == 0 ? matches.Count > 0 : matches.Count == 0 || !item.Expected.Contains(matches[0].Number);

    public static async Task<object> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var (paths, items, framework, matcher) = EvaluationSet.Load(context);
        var classification = context.Get<ClassificationService>();
        var stopwatch = Stopwatch.StartNew();
        var scored = new List<(ClassificationEvaluation.Item, IReadOnlyList<IndicatorMatch>)>();
        foreach (var item in items.Where(i => i.Framework == framework))
        {
            var input = item.File is null
                ? ClassificationService.ForText(item.Title, item.Text)
                : await classification.ReadAsync(Path.Combine(EvaluationSet.FolderOf(paths, item), item.File), item.File, cancellationToken);
            scored.Add((item, matcher.Match(input, top: 3)));
        }
        var perItemMs = stopwatch.Elapsed.TotalMilliseconds / Math.Max(1, scored.Count);
        var groups = ClassificationReport.Groups(scored);
        var headline = groups.FirstOrDefault(g => g is { Set: "real", Split: "test", Kind: "all" })
            ?? groups.First(g => g is { Split: "test", Kind: "all" });
        var tune = groups.FirstOrDefault(g => g.Set == headline.Set && g is { Split: "tune", Kind: "all" });

        // Reviewer confirmations as examples: the written set's tune items are "confirmed" and its test split is scored again.
        var examples = items.Where(i => i.Framework == framework && i.Set is null && i.Split == "tune" && i.Expected.Length > 0)
            .GroupBy(i => i.Expected[0])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string Title, string Text)>)g.Select(i => (i.Title, i.Text)).ToList());
        var withExamples = ClassificationEvaluation.Evaluate(matcher.WithExamples(examples), items.Where(i => i.Set is null), "test", withExamples: true);

        return new
        {
            framework,
            evalFiles = paths,
            set = headline.Set,
            split = headline.Split,
            items = headline.Items,
            accuracyAt1 = headline.AccuracyAt1,
            accuracyAt3 = headline.AccuracyAt3,
            unrelatedMappedRate = headline.UnrelatedMappedRate,
            missedRelatedRate = headline.MissedRelatedRate,
            tune = tune is null ? null : new { tune.Items, tune.AccuracyAt1, tune.AccuracyAt3, tune.UnrelatedMappedRate, tune.MissedRelatedRate },
            writtenWithConfirmedExamples = new { withExamples.AccuracyAt1, withExamples.AccuracyAt3, withExamples.UnrelatedMappedRate },
            groups,
            msPerItem = Math.Round(perItemMs, 2),
            // For calibration: the tune split's misses only; the test split is never listed item by item.
            tuneMisses = context.Arguments.Value(BenchCommand.TuneMisses)
                ? scored.Where(s => s.Item1.Split == "tune" && IsMiss(s.Item1, s.Item2))
                    .Select(s => new { s.Item1.Id, s.Item1.Title, s.Item1.Expected, got = s.Item2.Select(m => new { m.Number, m.Score, m.Reasons }) })
                    .ToList()
                : null,
        };
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Coverage;
using Search.Core.Ingestion;
using Search.Core.Storage;

namespace Search.Cli.Commands;

/// <summary>
/// `bench coverage`: ingests the labelled evidence of each split of corpus/eval/coverage/coverage.jsonl into a
/// fresh temp data directory through the real pipeline, builds the coverage report and scores item ticks.
/// Splits that were once held out (fresh, then fresh2) become tuning splits once a newer held-out split is
/// written: with --tune-misses the misses and wrong ticks of the tuning splits are listed. The newest split
/// (fresh3, written before the code was run on it, never tuned on) and the first held-out split are reported by
/// their totals only, never item by item; --no-fresh skips the fresh splits.
/// </summary>
public static class CoverageBenchmarkRunner
{
    /// <summary>Splits whose misses may be read while tuning, in the order they were written.</summary>
    public static readonly string[] TuneSplits = ["tune", "tune2", "fresh", "fresh2"];

    /// <summary>The split nothing is tuned on; only its totals are printed.</summary>
    public const string Untouched = "fresh3";

    public static async Task<object> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var corpus = context.Get<IOptions<SearchOptions>>().Value.ResolveCorpusDirectory()
            ?? throw new ConfigurationException("Search:CorpusDirectory", "no corpus folder found");
        var path = context.Arguments.Values(BenchCommand.Eval) is { Count: > 0 } given ? given[0] : Path.Combine(corpus, "eval", "coverage", "coverage.jsonl");
        if (!File.Exists(path))
        {
            throw new NotFoundException($"评测集不存在：{path}");
        }
        var all = CoverageEvaluation.Load(path);
        var noFresh = context.Arguments.Value(BenchCommand.NoFresh);
        var heldOut = await RunSplitAsync("heldout", all, corpus, cancellationToken);
        var results = new Dictionary<string, CoverageEvaluation.Result>();
        foreach (var split in TuneSplits.Append(Untouched))
        {
            if (all.Any(i => i.Split == split) && (split is "tune" or "tune2" || !noFresh))
            {
                results[split] = await RunSplitAsync(split, all, corpus, cancellationToken);
            }
        }
        var listTune = context.Arguments.Value(BenchCommand.TuneMisses);
        var tuned = TuneSplits.Where(results.ContainsKey).Select(s => results[s]).ToList();
        return new
        {
            evalFile = path,
            split = heldOut.Split,
            itemPrecision = heldOut.ItemPrecision,
            itemRecall = heldOut.ItemRecall,
            items = heldOut.Items,
            documents = heldOut.Documents,
            predicted = heldOut.Predicted,
            splits = results.ToDictionary(r => r.Key, r => new { r.Value.Documents, r.Value.Items, r.Value.Predicted, r.Value.ItemPrecision, r.Value.ItemRecall }),
            tuneMisses = listTune ? tuned.SelectMany(r => r.Misses).ToList() : null,
            tuneWrong = listTune ? tuned.SelectMany(r => r.Wrong).ToList() : null,
        };
    }

    private static async Task<CoverageEvaluation.Result> RunSplitAsync(string split, IReadOnlyList<CoverageEvaluation.Item> all, string corpus, CancellationToken cancellationToken)
    {
        var items = all.Where(i => i.Split == split).ToList();
        var root = Path.Combine(Path.GetTempPath(), "search-bench-coverage-" + Guid.NewGuid().ToString("N"));
        try
        {
            var inputs = Path.Combine(root, "inputs");
            using (var services = BenchFiles.Services(Path.Combine(root, "data"), corpus))
            {
                var pipeline = services.GetRequiredService<IngestionPipeline>();
                var ids = new Dictionary<string, string>();
                foreach (var item in items)
                {
                    var file = Path.Combine(inputs, item.Id, Path.GetFileName(item.File));
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    await File.WriteAllTextAsync(file, item.Text, cancellationToken);
                    var outcome = (await pipeline.IngestAsync(file, item.File, item.Department, cancellationToken))[0];
                    ids[item.Id] = outcome.DocumentId ?? throw new InvalidOperationException($"{item.Id} was not ingested: {outcome.Reason}");
                }
                var framework = items.GroupBy(i => i.Framework).MaxBy(g => g.Count())!.Key;
                var report = services.GetRequiredService<CoverageService>().Build(framework);
                return CoverageEvaluation.Score(split, items, ids, report);
            }
        }
        finally
        {
            MetadataDatabase.ReleasePools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}

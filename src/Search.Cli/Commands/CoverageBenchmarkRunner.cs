using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Coverage;
using Search.Core.Ingestion;
using Search.Core.Storage;

namespace Search.Cli.Commands;

/// <summary>
/// `bench coverage`: ingests the labelled evidence of one split of corpus/eval/coverage/coverage.jsonl into a
/// fresh temp data directory through the real pipeline, builds the coverage report and scores item ticks.
/// The headline is the held-out split. The fresh split (written after the first rounds of tuning) has since become a
/// tuning split too: with --tune-misses the misses and wrong ticks of the three tune splits (tune, tune2, fresh) are
/// listed. The fresh2 split (written before the code was run on it, never tuned on) is reported by its totals only;
/// --no-fresh skips fresh and fresh2. The held-out and fresh2 splits' misses are never listed one by one.
/// </summary>
public static class CoverageBenchmarkRunner
{
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
        var heldOut = await RunSplitAsync("heldout", all, corpus, cancellationToken);
        var tune = await RunSplitAsync("tune", all, corpus, cancellationToken);
        var tune2 = all.Any(i => i.Split == "tune2") ? await RunSplitAsync("tune2", all, corpus, cancellationToken) : null;
        var runFresh = !context.Arguments.Value(BenchCommand.NoFresh) && all.Any(i => i.Split == "fresh");
        var fresh = runFresh ? await RunSplitAsync("fresh", all, corpus, cancellationToken) : null;
        var runFresh2 = !context.Arguments.Value(BenchCommand.NoFresh) && all.Any(i => i.Split == "fresh2");
        var fresh2 = runFresh2 ? await RunSplitAsync("fresh2", all, corpus, cancellationToken) : null;
        var listTune = context.Arguments.Value(BenchCommand.TuneMisses);
        return new
        {
            evalFile = path,
            split = heldOut.Split,
            itemPrecision = heldOut.ItemPrecision,
            itemRecall = heldOut.ItemRecall,
            items = heldOut.Items,
            documents = heldOut.Documents,
            predicted = heldOut.Predicted,
            tune = new { tune.Documents, tune.Items, tune.Predicted, tune.ItemPrecision, tune.ItemRecall },
            tune2 = tune2 is null ? null : new { tune2.Documents, tune2.Items, tune2.Predicted, tune2.ItemPrecision, tune2.ItemRecall },
            fresh = fresh is null ? null : new { fresh.Documents, fresh.Items, fresh.Predicted, fresh.ItemPrecision, fresh.ItemRecall },
            fresh2 = fresh2 is null ? null : new { fresh2.Documents, fresh2.Items, fresh2.Predicted, fresh2.ItemPrecision, fresh2.ItemRecall },
            tuneMisses = listTune ? tune.Misses.Concat(tune2?.Misses ?? []).Concat(fresh?.Misses ?? []).ToList() : null,
            tuneWrong = listTune ? tune.Wrong.Concat(tune2?.Wrong ?? []).Concat(fresh?.Wrong ?? []).ToList() : null,
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

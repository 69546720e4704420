using Search.Core.Coverage;
using Search.Core.Ingestion;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Coverage;

/// <summary>
/// The labelled evidence of corpus/eval/coverage/coverage.jsonl, each split ingested through the real pipeline into a
/// store of its own and scored as `bench coverage` scores it (the small version of that benchmark).
/// </summary>
[Trait("Category", "Integration")]
public sealed class CoverageEvaluationTests
{
    private static async Task<CoverageEvaluation.Result> ScoreAsync(string split)
    {
        var all = CoverageEvaluation.Load(Path.Combine(TestFiles.CorpusDirectory(), "eval", "coverage", "coverage.jsonl"));
        var items = all.Where(i => i.Split == split).ToList();
        using var services = new Services();
        using var inputs = new TempFolder();
        var ids = new Dictionary<string, string>();
        foreach (var item in items)
        {
            var file = Path.Combine(inputs.Path, item.Id, Path.GetFileName(item.File));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, item.Text);
            var outcome = (await services.Get<IngestionPipeline>().IngestAsync(file, item.File, item.Department, CancellationToken.None))[0];
            ids[item.Id] = outcome.DocumentId!;
        }
        return CoverageEvaluation.Score(split, items, ids, services.Get<CoverageService>().Build("shapotou-2023"));
    }

    // Guards against regressions at the levels measured (tune 1.0/1.0, tune2 1.0/0.889, held-out 1.0/0.905, fresh 1.0/0.871,
    // fresh2 0.896/0.729), not the target (precision 0.90 at recall 0.80), which the splits written after tuning do not meet.
    [Theory]
    [InlineData("tune", 0.95, 0.95)]
    [InlineData("tune2", 0.93, 0.84)]
    [InlineData("heldout", 0.95, 0.88)]
    [InlineData("fresh", 0.95, 0.84)]
    [InlineData("fresh2", 0.87, 0.70)]
    public async Task Split_ItemTicks_AtTheMeasuredLevel(string split, double precision, double recall)
    {
        var result = await ScoreAsync(split);

        Assert.True(result.Items >= 30, $"{split}: {result.Items} labelled items");
        Assert.True(result.ItemPrecision >= precision, $"{split} item precision {result.ItemPrecision}");
        Assert.True(result.ItemRecall >= recall, $"{split} item recall {result.ItemRecall}");
    }
}

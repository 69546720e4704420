using Search.Core.Matching;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Matching;

[Trait("Category", "Integration")]
public sealed class ClassificationEvaluationTests : IDisposable
{
    private readonly Services _services = new();

    [Fact]
    public void Evaluate_TestSplit_MeetsTheQualityBar()
    {
        var items = ClassificationEvaluation.Load(Path.Combine(TestFiles.CorpusDirectory(), "eval", "classify.jsonl"));
        var matcher = _services.Get<MatcherRegistry>().For("shapotou-2023");

        var result = ClassificationEvaluation.Evaluate(matcher, items, "test", withExamples: false);

        Assert.True(result.Items >= 50);
        Assert.True(result.AccuracyAt3 >= 0.9, $"accuracy@3 {result.AccuracyAt3}");
        Assert.True(result.UnrelatedMappedRate <= 0.1, $"unrelated mapped {result.UnrelatedMappedRate}");
    }

    public void Dispose() => _services.Dispose();
}

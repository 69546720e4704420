using Search.Core.Matching;

namespace Search.Core.Llm;

/// <summary>The labelled matching set scored with embedding re-ranking, in the same figures as <see cref="ClassificationEvaluation"/>.</summary>
public sealed class RerankEvaluation(RerankedClassification classification)
{
    public async Task<ClassificationEvaluation.Result> EvaluateAsync(FrameworkMatcher matcher, IEnumerable<ClassificationEvaluation.Item> items, string split, CancellationToken cancellationToken)
    {
        var tally = new ClassificationEvaluation.Tally();
        foreach (var item in ClassificationEvaluation.ItemsOf(matcher, items, split))
        {
            tally.Add(item, await classification.MatchAsync(matcher, new MatchInput(item.Title, item.Text), 3, cancellationToken));
        }
        return tally.ToResult(split, withExamples: false);
    }
}

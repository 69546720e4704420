using Search.Core.Matching;

namespace Search.Core.Llm;

/// <summary>The labelled matching set scored with embedding re-ranking, in the same figures as <see cref="ClassificationEvaluation"/>.</summary>
public sealed class RerankEvaluation(RerankedClassification classification)
{
    public async Task<ClassificationEvaluation.Result> EvaluateAsync(FrameworkMatcher matcher, IEnumerable<ClassificationEvaluation.Item> items, string split, CancellationToken cancellationToken)
    {
        var list = items.Where(i => i.Framework == matcher.FrameworkId && (split == "all" || i.Split == split)).ToList();
        int related = 0, at1 = 0, at3 = 0, unrelated = 0, wronglyMapped = 0, missed = 0;
        foreach (var item in list)
        {
            var matches = await classification.MatchAsync(matcher, new MatchInput(item.Title, item.Text), 3, cancellationToken);
            if (item.Expected.Length == 0)
            {
                unrelated++;
                wronglyMapped += matches.Count > 0 ? 1 : 0;
                continue;
            }
            related++;
            if (matches.Count == 0)
            {
                missed++;
                continue;
            }
            at1 += item.Expected.Contains(matches[0].Number) ? 1 : 0;
            at3 += matches.Any(m => item.Expected.Contains(m.Number)) ? 1 : 0;
        }
        static double Rate(int n, int d) => d == 0 ? 0 : Math.Round((double)n / d, 4);
        return new ClassificationEvaluation.Result(split, list.Count, related, unrelated, Rate(at1, related), Rate(at3, related), Rate(wronglyMapped, unrelated), Rate(missed, related), false);
    }
}

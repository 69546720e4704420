using Search.Core.Llm;
using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>`bench classify --rerank`: the labelled matching set scored without and with embedding re-ranking, in one run against the configured model.</summary>
public static class RerankBenchmarkRunner
{
    public static async Task<object> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        context.Get<LlmClient>().EnsureConfigured("比较向量重排");
        var (path, all, framework, matcher) = EvaluationSet.Load(context);
        // Re-ranking compares texts; the files of the real set are measured by `bench classify`.
        var items = all.Where(i => i.File is null).ToList();
        var without = ClassificationEvaluation.Evaluate(matcher, items, "test", withExamples: false);
        var with = await context.Get<RerankEvaluation>().EvaluateAsync(matcher, items, "test", cancellationToken);
        return new
        {
            framework,
            evalFile = path,
            items = without.Items,
            accuracyAt1 = without.AccuracyAt1,
            accuracyAt3 = without.AccuracyAt3,
            unrelatedMappedRate = without.UnrelatedMappedRate,
            withRerank = new { with.AccuracyAt1, with.AccuracyAt3, with.UnrelatedMappedRate, with.MissedRelatedRate },
            fusion = $"reciprocal rank fusion, k = {EmbeddingReranker.FusionK}, over the first {RerankedClassification.Candidates} tf-idf candidates",
        };
    }
}

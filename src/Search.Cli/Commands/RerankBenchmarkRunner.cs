using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Llm;
using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>`bench classify --rerank`: the labelled matching set scored without and with embedding re-ranking, in one run against the configured model.</summary>
public static class RerankBenchmarkRunner
{
    public static async Task<object> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        context.Get<LlmClient>().EnsureConfigured("比较向量重排");
        var path = args.Get("eval") ?? Path.Combine(context.Get<IOptions<SearchOptions>>().Value.ResolveCorpusDirectory()
            ?? throw new ConfigurationException("Search:CorpusDirectory", "no corpus folder found"), "eval", "classify.jsonl");
        if (!File.Exists(path))
        {
            throw new NotFoundException($"评测集不存在：{path}");
        }
        var items = ClassificationEvaluation.Load(path);
        var framework = args.Get("framework") ?? items.GroupBy(i => i.Framework).MaxBy(g => g.Count())!.Key;
        var matcher = context.Get<MatcherRegistry>().For(framework);
        matcher.ClearExamples();
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

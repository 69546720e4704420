using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>The labelled matching set a `bench classify` run scores (--eval FILE, default corpus/eval/classify.jsonl), with the framework's matcher built without reviewers' examples.</summary>
public sealed record EvaluationSet(string Path, IReadOnlyList<ClassificationEvaluation.Item> Items, string Framework, FrameworkMatcher Matcher)
{
    public static EvaluationSet Load(CliContext context)
    {
        var args = context.Arguments;
        var path = args.Get("eval") ?? System.IO.Path.Combine(context.Get<IOptions<SearchOptions>>().Value.ResolveCorpusDirectory()
            ?? throw new ConfigurationException("Search:CorpusDirectory", "no corpus folder found"), "eval", "classify.jsonl");
        if (!File.Exists(path))
        {
            throw new NotFoundException($"评测集不存在：{path}");
        }
        var items = ClassificationEvaluation.Load(path);
        var framework = args.Get("framework") ?? items.GroupBy(i => i.Framework).MaxBy(g => g.Count())!.Key;
        var matcher = context.Get<MatcherRegistry>().WithoutExamples(framework);
        return new EvaluationSet(path, items, framework, matcher);
    }
}

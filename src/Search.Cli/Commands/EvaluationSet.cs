using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Matching;

namespace Search.Cli.Commands;

/// <summary>
/// The labelled matching sets a `bench classify` run scores: --eval FILE (repeatable), by default every
/// *.jsonl in corpus/eval (the team's classify.jsonl and the real public texts in real.jsonl), with the
/// framework's matcher built without reviewers' examples.
/// </summary>
public sealed record EvaluationSet(IReadOnlyList<string> Paths, IReadOnlyList<ClassificationEvaluation.Item> Items, string Framework, FrameworkMatcher Matcher)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ClassificationEvaluation.Item, string> Folders = new();

    public static EvaluationSet Load(CliContext context)
    {
        var args = context.Arguments;
        var paths = args.Values(BenchCommand.Eval) is { Count: > 0 } given ? given : DefaultPaths(context);
        var items = new List<ClassificationEvaluation.Item>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new NotFoundException($"评测集不存在：{path}");
            }
            foreach (var item in ClassificationEvaluation.Load(path))
            {
                Folders.AddOrUpdate(item, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
                items.Add(item);
            }
        }
        var framework = args.Value(BenchCommand.Framework) ?? items.GroupBy(i => i.Framework).MaxBy(g => g.Count())!.Key;
        var registry = context.Get<MatcherRegistry>();
        // A calibration run builds its own matcher with other constants; the service's matchers are never changed.
        var matcher = args.Values(BenchCommand.Setting) is { Count: > 0 } settings
            ? new FrameworkMatcher(framework, MatcherRegistry.ProfilesOf(context.Get<Search.Core.Frameworks.FrameworkCatalog>().Get(framework)),
                context.Get<MatchTokenizer>(), WithSettings(registry.Settings, settings))
            : registry.WithoutExamples(framework);
        return new EvaluationSet(paths, items, framework, matcher);
    }

    /// <summary>The folder an item's file is relative to: that of the set it was read from.</summary>
    public static string FolderOf(IReadOnlyList<string> paths, ClassificationEvaluation.Item item) =>
        Folders.TryGetValue(item, out var folder) ? folder : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(paths[0]))!;

    /// <summary>`--setting Threshold=0.1`: a calibration run with other constants (tune split only; the defaults live in MatcherSettings).</summary>
    private static MatcherSettings WithSettings(MatcherSettings settings, IReadOnlyList<string> assignments)
    {
        var copy = settings with { };
        foreach (var assignment in assignments)
        {
            var parts = assignment.Split('=', 2);
            var property = typeof(MatcherSettings).GetProperty(parts[0]);
            if (parts.Length != 2 || property is null || !property.CanWrite)
            {
                throw new CliUsageException($"unknown matcher setting '{assignment}': use a MatcherSettings property, e.g. Threshold=0.12.");
            }
            property.SetValue(copy, Convert.ChangeType(parts[1], property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        }
        return copy;
    }

    private static IReadOnlyList<string> DefaultPaths(CliContext context)
    {
        var folder = System.IO.Path.Combine(context.Get<IOptions<SearchOptions>>().Value.ResolveCorpusDirectory()
            ?? throw new ConfigurationException("Search:CorpusDirectory", "no corpus folder found"), "eval");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).ToList() : [System.IO.Path.Combine(folder, "classify.jsonl")];
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Core.Matching;

/// <summary>
/// Runs the labelled set in corpus/eval/classify.jsonl through a framework's matcher and measures
/// accuracy@1, accuracy@3 and how often unrelated texts are wrongly mapped.
/// </summary>
public static class ClassificationEvaluation
{
    public sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("framework")] string Framework,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("expected")] int[] Expected,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("split")] string Split,
        [property: JsonPropertyName("set")] string? Set = null,
        [property: JsonPropertyName("file")] string? File = null,
        [property: JsonPropertyName("source")] string? Source = null,
        [property: JsonPropertyName("reason")] string? Reason = null,
        [property: JsonPropertyName("from")] string? From = null);

    public sealed record Result(
        string Split,
        int Items,
        int Related,
        int Unrelated,
        double AccuracyAt1,
        double AccuracyAt3,
        double UnrelatedMappedRate,
        double MissedRelatedRate,
        bool WithExamples);

    public static IReadOnlyList<Item> Load(string path) =>
        System.IO.File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<Item>(l) ?? throw new InvalidDataException($"bad line in {path}: {l}"))
            .ToList();

    /// <summary>Scores the items of one split. Related items count as right at k when an expected number is among the first k matches.</summary>
    public static Result Evaluate(FrameworkMatcher matcher, IEnumerable<Item> items, string split, bool withExamples, string? kind = null)
    {
        var tally = new Tally();
        foreach (var item in ItemsOf(matcher, items, split, kind))
        {
            tally.Add(item, matcher.Match(new MatchInput(item.Title, item.Text), top: 3));
        }
        return tally.ToResult(split, withExamples);
    }

    /// <summary>The items of one framework, split and (optionally) kind.</summary>
    public static IReadOnlyList<Item> ItemsOf(FrameworkMatcher matcher, IEnumerable<Item> items, string split, string? kind = null) =>
        items.Where(i => i.Framework == matcher.FrameworkId && (split == "all" || i.Split == split) && (kind is null || i.Kind == kind)).ToList();

    /// <summary>Counts right and wrong answers item by item, whichever ranking produced them.</summary>
    public sealed class Tally
    {
        private int _items, _related, _at1, _at3, _unrelated, _wronglyMapped, _missed;

        public void Add(Item item, IReadOnlyList<IndicatorMatch> matches)
        {
            _items++;
            if (item.Expected.Length == 0)
            {
                _unrelated++;
                _wronglyMapped += matches.Count > 0 ? 1 : 0;
                return;
            }
            _related++;
            if (matches.Count == 0)
            {
                _missed++;
                return;
            }
            _at1 += item.Expected.Contains(matches[0].Number) ? 1 : 0;
            _at3 += matches.Take(3).Any(m => item.Expected.Contains(m.Number)) ? 1 : 0;
        }

        public Result ToResult(string split, bool withExamples)
        {
            static double Rate(int n, int d) => d == 0 ? 0 : Math.Round((double)n / d, 4);
            return new Result(split, _items, _related, _unrelated, Rate(_at1, _related), Rate(_at3, _related), Rate(_wronglyMapped, _unrelated), Rate(_missed, _related), withExamples);
        }
    }
}

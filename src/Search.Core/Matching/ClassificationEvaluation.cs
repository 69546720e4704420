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
        [property: JsonPropertyName("split")] string Split);

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
        File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<Item>(l) ?? throw new InvalidDataException($"bad line in {path}: {l}"))
            .ToList();

    /// <summary>Scores the items of one split. Related items count as right at k when an expected number is among the first k matches.</summary>
    public static Result Evaluate(FrameworkMatcher matcher, IEnumerable<Item> items, string split, bool withExamples, string? kind = null)
    {
        var list = items.Where(i => i.Framework == matcher.FrameworkId && (split == "all" || i.Split == split) && (kind is null || i.Kind == kind)).ToList();
        int related = 0, at1 = 0, at3 = 0, unrelated = 0, wronglyMapped = 0, missed = 0;
        foreach (var item in list)
        {
            var matches = matcher.Match(new MatchInput(item.Title, item.Text), top: 3);
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
        return new Result(split, list.Count, related, unrelated, Rate(at1, related), Rate(at3, related), Rate(wronglyMapped, unrelated), Rate(missed, related), withExamples);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Core.Coverage;

/// <summary>
/// Item-level coverage measured against corpus/eval/coverage/coverage.jsonl: every evidence document is labelled
/// with the exact material items ("12.4" = indicator 12, item 4) it satisfies. A predicted pair is a document a
/// coverage report counts (or lists as a copy) for an item; precision and recall are over document × item pairs.
/// </summary>
public static class CoverageEvaluation
{
    public sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("split")] string Split,
        [property: JsonPropertyName("framework")] string Framework,
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("department")] string? Department,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("items")] string[] Items);

    public sealed record Result(string Split, int Documents, int Items, int Predicted, int Correct, double ItemPrecision, double ItemRecall, IReadOnlyList<string> Misses, IReadOnlyList<string> Wrong);

    public static IReadOnlyList<Item> Load(string path) =>
        System.IO.File.ReadLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<Item>(l) ?? throw new InvalidDataException($"bad line in {path}: {l}"))
            .ToList();

    /// <summary>Scores a report built over exactly the documents of <paramref name="items"/>; <paramref name="documentIds"/> maps item id → stored document id.</summary>
    public static Result Score(string split, IReadOnlyList<Item> items, IReadOnlyDictionary<string, string> documentIds, CoverageReport report)
    {
        var byDocument = documentIds.ToDictionary(kv => kv.Value, kv => kv.Key);
        var gold = items.SelectMany(i => i.Items.Select(x => (i.Id, Item: x))).ToHashSet();
        var predicted = new HashSet<(string Id, string Item)>();
        foreach (var indicator in report.Indicators)
        {
            foreach (var m in indicator.Materials)
            {
                foreach (var id in m.Evidence.SelectMany(e => e.Duplicates.Prepend(e.DocumentId)))
                {
                    if (byDocument.TryGetValue(id, out var itemId))
                    {
                        predicted.Add((itemId, $"{indicator.Number}.{m.Index}"));
                    }
                }
            }
        }
        var correct = predicted.Count(gold.Contains);
        return new Result(split, items.Count, gold.Count, predicted.Count, correct,
            predicted.Count == 0 ? 0 : Math.Round((double)correct / predicted.Count, 3),
            gold.Count == 0 ? 0 : Math.Round((double)correct / gold.Count, 3),
            gold.Where(g => !predicted.Contains(g)).Select(g => $"{g.Id}→{g.Item}").Order(StringComparer.Ordinal).ToList(),
            predicted.Where(p => !gold.Contains(p)).Select(p => $"{p.Id}→{p.Item}").Order(StringComparer.Ordinal).ToList());
    }
}

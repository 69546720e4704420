using Search.Core.Coverage;
using Search.Core.Frameworks;
using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Core.Llm;

/// <summary>
/// Picks the evidence a draft may cite: the indicator's linked documents as coverage sees them (reviewer
/// confirmations first, rejections left out), and from each the passages sharing most words with the indicator.
/// </summary>
public sealed class EvidenceGatherer(CoverageService coverage, DocumentRepository documents, MatchTokenizer tokenizer)
{
    private const int PassagesPerDocument = 2;

    public IReadOnlyList<EvidenceExcerpt> Gather(string frameworkId, Indicator indicator, int maxExcerpts, int maxChars)
    {
        // Only the links: the full coverage report would tokenise every stored document to answer this.
        var linked = coverage.EvidenceLinks(frameworkId).GetValueOrDefault(indicator.Number) ?? [];
        var words = tokenizer.Features(string.Join("\n", indicator.Explanation.Prepend(indicator.Text).Concat(indicator.Materials.SelectMany(m => m.Items))))
            .Keys.Where(MatchTokenizer.IsWord).Where(w => w.Length >= 2).ToList();
        var excerpts = new List<EvidenceExcerpt>();
        foreach (var link in linked.OrderByDescending(e => e.Source != "auto").ThenByDescending(e => e.Score))
        {
            var best = documents.GetPassages(link.DocumentId)
                .Where(p => !string.IsNullOrWhiteSpace(p.Text))
                .Select(p => (Passage: p, Score: words.Count(w => p.Text.Contains(w, StringComparison.Ordinal))))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Passage.Ordinal)
                .Take(PassagesPerDocument)
                .OrderBy(x => x.Passage.Ordinal);
            foreach (var (passage, _) in best)
            {
                if (excerpts.Count >= maxExcerpts)
                {
                    return excerpts;
                }
                var text = string.Join(' ', passage.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                excerpts.Add(new EvidenceExcerpt(excerpts.Count + 1, link.DocumentId, link.Title, passage.Page, text.Length > maxChars ? text[..maxChars] + "…" : text));
            }
        }
        return excerpts;
    }
}

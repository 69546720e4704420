using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>Matches a document against every framework, reading its text once; the ingestion step that owns storage records the result.</summary>
public sealed class DocumentMatcher(MatcherRegistry registry, MatchTokenizer tokenizer, Frameworks.FrameworkCatalog catalog) : IDocumentMatcher
{
    public IReadOnlyDictionary<string, IReadOnlyList<IndicatorMatch>> MatchDocument(DocumentRecord document, IReadOnlyList<PassageRecord> passages) =>
        MatchDocument(document, passages, null);

    public IReadOnlyDictionary<string, IReadOnlyList<IndicatorMatch>> MatchDocument(DocumentRecord document, IReadOnlyList<PassageRecord> passages, IReadOnlyList<Indexing.PassageWords>? words)
    {
        // A framework's own notice names every indicator; only a reviewer's decision links it to one.
        var isNotice = catalog.IsFrameworkSource(document.Sha256);
        PreparedInput? input = null;
        if (!isNotice)
        {
            var text = DocumentText.InputOf(document, passages);
            input = FrameworkMatcher.Prepare(words is null ? tokenizer : tokenizer.WithKnownWords(KnownWords(text, passages, words)), text);
        }
        var matchers = registry.Current();
        var result = new Dictionary<string, IReadOnlyList<IndicatorMatch>>(StringComparer.Ordinal);
        foreach (var frameworkId in registry.FrameworkIds)
        {
            result[frameworkId] = input is null ? [] : matchers.For(frameworkId).Assign(input);
        }
        return result;
    }

    /// <summary>
    /// The words matching would find in each passage, taken from the index's analysis where it serves matching,
    /// and in the head when the head is the passages whole, one per line (a line end is a boundary for the analyser).
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> KnownWords(MatchInput input, IReadOnlyList<PassageRecord> passages, IReadOnlyList<Indexing.PassageWords> words)
    {
        var known = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var all = words.Count == passages.Count;
        for (var i = 0; i < passages.Count; i++)
        {
            if (i < words.Count && words[i].ServesMatching && string.Equals(words[i].Text, passages[i].Text, StringComparison.Ordinal))
            {
                known.TryAdd(passages[i].Text, words[i].Terms);
            }
            else
            {
                all = false;
            }
        }
        if (all && input.Text.Length == passages.Sum(p => p.Text.Length + 1))
        {
            known.TryAdd(input.Text, words.SelectMany(w => w.Terms).ToList());
        }
        return known;
    }
}

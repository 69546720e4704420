using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>Matches a document against every framework, reading its text once; the ingestion step that owns storage records the result.</summary>
public sealed class DocumentMatcher(MatcherRegistry registry, MatchTokenizer tokenizer, Frameworks.FrameworkCatalog catalog) : IDocumentMatcher
{
    public IReadOnlyDictionary<string, IReadOnlyList<IndicatorMatch>> MatchDocument(DocumentRecord document, IReadOnlyList<PassageRecord> passages)
    {
        // A framework's own notice names every indicator; only a reviewer's decision links it to one.
        var isNotice = catalog.IsFrameworkSource(document.Sha256);
        var input = isNotice ? null : FrameworkMatcher.Prepare(tokenizer, DocumentText.InputOf(document, passages));
        var matchers = registry.Current();
        var result = new Dictionary<string, IReadOnlyList<IndicatorMatch>>(StringComparer.Ordinal);
        foreach (var frameworkId in registry.FrameworkIds)
        {
            result[frameworkId] = input is null ? [] : matchers.For(frameworkId).Assign(input);
        }
        return result;
    }
}

using Search.Core.Indexing;
using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>Maps a document to indicators of every framework, then applies the reviewers' decisions.</summary>
public sealed class DocumentMatcher(MatcherRegistry registry, MappingDecisionRepository decisions, MatchTokenizer tokenizer, Frameworks.FrameworkCatalog catalog) : IDocumentMatcher
{
    public IReadOnlyList<IndicatorRef> MatchDocument(DocumentRecord document, IReadOnlyList<PassageRecord> passages)
    {
        var input = FrameworkMatcher.Prepare(tokenizer, DocumentText.InputOf(document, passages));
        var documentDecisions = decisions.ForDocument(document.Id);
        var result = new List<IndicatorRef>();
        // A framework's own notice names every indicator; only a reviewer's decision links it to one.
        var isNotice = catalog.IsFrameworkSource(document.Sha256);
        foreach (var frameworkId in registry.FrameworkIds)
        {
            var matches = isNotice ? [] : registry.For(frameworkId).Assign(input);
            decisions.SaveAutoMatches(document.Id, frameworkId, matches);
            var own = documentDecisions.Where(d => d.Framework == frameworkId).ToList();
            var rejected = own.Where(d => d.Decision == DecisionKind.Reject).Select(d => d.Number).ToHashSet();
            var confirmed = own.Where(d => d.Decision is DecisionKind.Confirm or DecisionKind.Add).Select(d => d.Number).ToHashSet();
            foreach (var m in matches.Where(m => !rejected.Contains(m.Number) && !confirmed.Contains(m.Number)))
            {
                result.Add(new IndicatorRef(frameworkId, m.Number, m.Score));
            }
            // A reviewer's confirmation is certain: score 1.
            result.AddRange(confirmed.Order().Select(n => new IndicatorRef(frameworkId, n, 1.0)));
        }
        return result;
    }
}

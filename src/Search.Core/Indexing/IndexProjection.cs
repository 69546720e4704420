using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Core.Indexing;

/// <summary>Builds what the index holds for a document from what the store holds: its passages, its metadata and its links.</summary>
public sealed class IndexProjection(DocumentRepository documents, MappingDecisionRepository decisions, AnalysedPassages analysed)
{
    /// <summary>The document's passages as the index should hold them, or null when the index should not hold the document.</summary>
    public IReadOnlyList<IndexedPassage>? Of(string documentId)
    {
        var document = documents.Get(documentId);
        if (document is null || !document.Status.IsSearchable())
        {
            return null;
        }
        var links = EvidenceLinkRule.Apply(decisions.AutoMatchesOf(documentId), decisions.ForDocument(documentId))
            .Select(l => new IndicatorRef(l.Framework, l.Number, l.Score))
            .ToList();
        var passages = documents.GetPassages(documentId);
        if (passages.Count == 0)
        {
            return null;
        }
        var projected = Passages(document, passages, links);
        // Words analysed at ingestion serve only the very texts they were read from.
        if (analysed.Take(documentId) is { } words)
        {
            return projected.Select((p, i) => i < words.Count && string.Equals(words[i].Text, p.Text, StringComparison.Ordinal) ? p with { Words = words[i] } : p).ToList();
        }
        return projected;
    }

    public static IReadOnlyList<IndexedPassage> Passages(DocumentRecord document, IReadOnlyList<PassageRecord> passages, IReadOnlyList<IndicatorRef> indicators) =>
        passages.Select(p => new IndexedPassage
        {
            DocumentId = document.Id,
            Ordinal = p.Ordinal,
            Text = p.Text,
            Page = p.Page,
            StartOffset = p.StartOffset,
            Location = p.Location,
            Title = document.Title ?? document.FileName,
            FileName = document.SourcePath,
            DocNumber = document.DocNumber,
            Department = document.Department,
            Date = document.Date,
            FileType = document.Kind,
            Indicators = indicators,
        }).ToList();
}

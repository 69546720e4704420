using Search.Core.Matching;
using Search.Core.Storage;

namespace Search.Core.Indexing;

/// <summary>Builds what the index holds for a document from what the store holds: its passages, its metadata and its links.</summary>
public sealed class IndexProjection(DocumentRepository documents, MappingDecisionRepository decisions)
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
        return passages.Count == 0 ? null : Passages(document, passages, links);
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

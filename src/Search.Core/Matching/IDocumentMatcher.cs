using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>Maps a stored document to the indicators it supports, for every known framework; writes nothing.</summary>
public interface IDocumentMatcher
{
    /// <summary>The automatic matches of the document in each framework (empty for a framework's own notice).</summary>
    IReadOnlyDictionary<string, IReadOnlyList<IndicatorMatch>> MatchDocument(DocumentRecord document, IReadOnlyList<PassageRecord> passages);

    /// <summary>The same, with the passages' words as the index analysed them at ingestion (same order), to read where they serve matching.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<IndicatorMatch>> MatchDocument(DocumentRecord document, IReadOnlyList<PassageRecord> passages, IReadOnlyList<Indexing.PassageWords>? words) =>
        MatchDocument(document, passages);
}

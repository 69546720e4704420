using Search.Core.Indexing;
using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>Maps a stored document to the indicators it supports, for every known framework.</summary>
public interface IDocumentMatcher
{
    /// <summary>
    /// The document's indicators across frameworks, reviewer decisions applied (confirmed and added kept,
    /// rejected removed). Also records the automatic matches so coverage can explain them.
    /// </summary>
    IReadOnlyList<IndicatorRef> MatchDocument(DocumentRecord document, IReadOnlyList<PassageRecord> passages);
}

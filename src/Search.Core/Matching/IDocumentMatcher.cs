using Search.Core.Storage;

namespace Search.Core.Matching;

/// <summary>Maps a stored document to the indicators it supports, for every known framework; writes nothing.</summary>
public interface IDocumentMatcher
{
    /// <summary>The automatic matches of the document in each framework (empty for a framework's own notice).</summary>
    IReadOnlyDictionary<string, IReadOnlyList<IndicatorMatch>> MatchDocument(DocumentRecord document, IReadOnlyList<PassageRecord> passages);
}

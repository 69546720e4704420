using Search.Core.Search;

namespace Search.Core.Indexing;

/// <summary>
/// The passage index behind one small interface: Lucene.Net is the embedded implementation; a province
/// that outgrows one machine can implement the same schema on OpenSearch or Elasticsearch with smartcn.
/// </summary>
public interface IEvidenceIndex
{
    /// <summary>Replaces all passages of a document; searchable when the call returns.</summary>
    Task ReplaceDocumentAsync(string documentId, IReadOnlyList<IndexedPassage> passages, CancellationToken cancellationToken);

    Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken);

    SearchResults Search(SearchRequest request);

    Task RefreshAsync(CancellationToken cancellationToken);

    int PassageCount { get; }
}

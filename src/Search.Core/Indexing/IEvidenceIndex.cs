using Search.Core.Search;

namespace Search.Core.Indexing;

/// <summary>
/// The passage index behind one small interface: Lucene.Net is the embedded implementation; a province
/// that outgrows one machine can implement the same schema on OpenSearch or Elasticsearch with smartcn.
/// The index is a projection of the metadata store: only the data directory's owner writes to it.
/// </summary>
public interface IEvidenceIndex
{
    /// <summary>False when this process searches another owner's index and may not write.</summary>
    bool IsWritable { get; }

    /// <summary>Replaces all passages of a document; searchable in this process at once, durable after <see cref="CommitAsync"/>.</summary>
    Task ReplaceDocumentAsync(string documentId, IReadOnlyList<IndexedPassage> passages, CancellationToken cancellationToken);

    Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Makes every write so far survive a crash.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    SearchResults Search(SearchRequest request);

    Task RefreshAsync(CancellationToken cancellationToken);

    int PassageCount { get; }

    /// <summary>The ids of the documents that have passages in the index.</summary>
    IReadOnlySet<string> DocumentIds();
}

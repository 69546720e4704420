using Search.Core.Storage;

namespace Search.Core.Indexing;

/// <summary>
/// Compares the metadata store with the index: what the store calls indexed must be in the index and nothing
/// else may be. Reads the store before the index, so a commit made meanwhile never shows up as a loss.
/// </summary>
public sealed class IndexConsistency(DocumentRepository documents, IEvidenceIndex index)
{
    public IndexConsistencyReport Check()
    {
        var states = documents.ProjectionStates();
        var deleting = documents.PendingDeletions(int.MaxValue).Select(d => d.DocumentId).ToHashSet(StringComparer.Ordinal);
        var inIndex = index.DocumentIds();
        var committed = states.Where(s => s.Searchable && s.Status == DocumentStatus.Indexed && s.Revision == s.IndexedRevision).Select(s => s.DocumentId).ToList();
        var searchable = states.Where(s => s.Searchable).Select(s => s.DocumentId).ToHashSet(StringComparer.Ordinal);
        var missing = committed.Where(id => !inIndex.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var extra = inIndex.Where(id => !searchable.Contains(id) && !deleting.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return new IndexConsistencyReport(
            states.Count,
            states.Count(s => s.Searchable && s.Status == DocumentStatus.Indexed),
            inIndex.Count,
            states.Count(s => s.Revision != s.IndexedRevision) + deleting.Count,
            missing,
            extra,
            states.GroupBy(s => s.InBin ? "deleted" : s.Status.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count()));
    }
}

/// <summary>
/// What <see cref="IndexConsistency"/> found. <see cref="Pending"/> changes are waiting for the owner's next commit;
/// <see cref="Missing"/> (indexed in the store, absent from the index) and <see cref="Extra"/> (in the index, not in the store) must be empty.
/// </summary>
public sealed record IndexConsistencyReport(
    int Documents,
    int Indexed,
    int InIndex,
    int Pending,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Extra,
    IReadOnlyDictionary<string, int> ByStatus)
{
    public bool Agrees => Missing.Count == 0 && Extra.Count == 0;
}

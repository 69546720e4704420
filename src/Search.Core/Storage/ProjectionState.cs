namespace Search.Core.Storage;

/// <summary>
/// Where one document stands between the store and the index: its status, its latest revision, the revision the index
/// holds, and whether it is in the recycle bin.
/// </summary>
public sealed record ProjectionState(string DocumentId, DocumentStatus Status, long Revision, long IndexedRevision, bool InBin = false)
{
    /// <summary>True for the documents the index must hold: searchable by status and not in the recycle bin.</summary>
    public bool Searchable => Status.IsSearchable() && !InBin;
}

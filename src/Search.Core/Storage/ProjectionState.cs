namespace Search.Core.Storage;

/// <summary>Where one document stands between the store and the index: its status, its latest revision and the revision the index holds.</summary>
public sealed record ProjectionState(string DocumentId, DocumentStatus Status, long Revision, long IndexedRevision);

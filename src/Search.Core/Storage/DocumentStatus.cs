namespace Search.Core.Storage;

/// <summary>Where a stored document is in the ingestion steps.</summary>
public enum DocumentStatus
{
    /// <summary>The original is stored; extraction has not finished (resumed after a restart).</summary>
    Stored,
    Indexed,
    Failed,
    /// <summary>Carries classification marks: kept out of the index and listed for the reviewer.</summary>
    Quarantined,
}

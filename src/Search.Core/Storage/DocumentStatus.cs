namespace Search.Core.Storage;

/// <summary>Where a stored document is in the ingestion steps.</summary>
public enum DocumentStatus
{
    /// <summary>The original is stored; extraction has not finished (resumed after a restart).</summary>
    Stored,
    /// <summary>Extracted, split and matched; searchable once the index owner's next commit holds it.</summary>
    Extracted,
    /// <summary>In a committed index.</summary>
    Indexed,
    Failed,
    /// <summary>Carries classification marks: kept in the quarantine folder only, out of the index, listed for the reviewer.</summary>
    Quarantined,
    /// <summary>An archive whose entries were ingested as documents of their own; it has no text of its own.</summary>
    Expanded,
}

/// <summary>What the statuses mean for the index.</summary>
public static class DocumentStatusExtensions
{
    /// <summary>True for the documents the index must hold: extracted (commit pending) or indexed.</summary>
    public static bool IsSearchable(this DocumentStatus status) => status is DocumentStatus.Extracted or DocumentStatus.Indexed;
}

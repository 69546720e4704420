namespace Search.Core.Ingestion;

/// <summary>What happened to one file of a batch.</summary>
public enum IngestOutcomeKind
{
    Pending,
    Ingested,
    /// <summary>A changed file under the same name and department replaced its previous version.</summary>
    Replaced,
    /// <summary>Identical content is already stored; no second copy was made.</summary>
    Duplicate,
    /// <summary>Classification marks found: stored, not indexed, listed for the reviewer.</summary>
    Quarantined,
    /// <summary>An archive whose entries were ingested as documents of their own.</summary>
    Expanded,
    Failed,
}

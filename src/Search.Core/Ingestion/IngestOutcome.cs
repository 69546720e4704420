namespace Search.Core.Ingestion;

/// <summary>The outcome of ingesting one file, with the reason when it did not succeed.</summary>
public sealed record IngestOutcome(string File, IngestOutcomeKind Outcome, string? Reason = null, string? DocumentId = null, int Passages = 0)
{
    public bool Succeeded => Outcome is not (IngestOutcomeKind.Failed or IngestOutcomeKind.Pending);
}

namespace Search.Core.Ingestion;

/// <summary>A batch of files submitted together, with per-file outcomes and progress.</summary>
public sealed record IngestionJob
{
    public required string Id { get; init; }

    public required JobStatus Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Total { get; init; }

    public int Processed => Files.Count(f => f.Outcome != IngestOutcomeKind.Pending);

    public int Failed => Files.Count(f => f.Outcome == IngestOutcomeKind.Failed);

    public string? SubmittedBy { get; init; }

    /// <summary>The material item the files were uploaded for, if any: what they store is filed as that item.</summary>
    public ItemTarget? ForItem { get; init; }

    public IReadOnlyList<IngestOutcome> Files { get; init; } = [];
}

public enum JobStatus
{
    Queued,
    Running,
    Completed,
    Cancelled,
}

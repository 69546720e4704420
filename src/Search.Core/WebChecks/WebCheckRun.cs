namespace Search.Core.WebChecks;

/// <summary>A check run as a background job: its progress while it runs and its report when it is done.</summary>
public sealed record WebCheckRun
{
    public required string Id { get; init; }

    public string? Framework { get; init; }

    /// <summary>queued, running, done or failed.</summary>
    public required string Status { get; init; }

    public int Total { get; init; }

    public int Done { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? SubmittedBy { get; init; }

    public string? Error { get; init; }

    public WebCheckReport? Report { get; init; }

    /// <summary>Addresses per outcome, when the run is done (lists of runs carry these instead of the report).</summary>
    public IReadOnlyDictionary<string, int>? Counts { get; init; }
}

namespace Search.Core.WebChecks;

/// <summary>The record of one address checked once, with the snapshot kept as proof.</summary>
public sealed record WebCheckResult
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    public string? Framework { get; init; }

    public int? Indicator { get; init; }

    /// <summary>HTTP status of the final response; null when there was none.</summary>
    public int? Status { get; init; }

    public required string FinalUrl { get; init; }

    public IReadOnlyList<string> Redirects { get; init; } = [];

    public string? Title { get; init; }

    public IReadOnlyList<string> KeywordsFound { get; init; } = [];

    public IReadOnlyList<string> KeywordsMissing { get; init; } = [];

    public DateOnly? PublishedDate { get; init; }

    /// <summary>The deadline that applied, e.g. "4月1日前公开 (2023-04-01)".</summary>
    public string? Deadline { get; init; }

    public required string Outcome { get; init; }

    /// <summary>Everything worth telling the assessor, in Chinese: the reason for the outcome, truncation, a missing screenshot.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>What differs from the previous check of the same address.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>Where the address came from: "evidence:{documentId}", "user" or "command".</summary>
    public string Source { get; init; } = "";

    public DateTimeOffset FetchedAt { get; init; }

    public long ElapsedMs { get; init; }

    /// <summary>SHA-256 of the bytes the server sent.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The files of the snapshot kept for this check (page.html, page.txt, page.png, page.pdf).</summary>
    public IReadOnlyList<string> SnapshotFiles { get; init; } = [];

    /// <summary>The snapshot filed as evidence of type "web-snapshot".</summary>
    public string? DocumentId { get; init; }
}

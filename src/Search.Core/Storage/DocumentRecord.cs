namespace Search.Core.Storage;

/// <summary>One stored evidence file and what ingestion learnt about it.</summary>
public sealed record DocumentRecord
{
    /// <summary>The first 16 hex digits of the content's SHA-256: the same content always gets the same id.</summary>
    public required string Id { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>Department + source path: a new file under the same key replaces the previous version.</summary>
    public required string SourceKey { get; init; }

    public required string FileName { get; init; }

    /// <summary>Path as the user gave it, with folders (and archive name for archive entries).</summary>
    public required string SourcePath { get; init; }

    public string? Department { get; init; }

    public required string Kind { get; init; }

    public long Size { get; init; }

    public required string StoredPath { get; init; }

    public DocumentStatus Status { get; init; }

    public string? Reason { get; init; }

    public int PageCount { get; init; }

    public string? Title { get; init; }

    public string? DocNumber { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>True when <see cref="Date"/> is only the year of the 文号.</summary>
    public bool DateFromDocNumber { get; init; }

    public string? IssuingBody { get; init; }

    public string? SourceUrl { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = [];

    public IReadOnlyList<int> IndicatorHints { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool UsedOcr { get; init; }

    /// <summary>Pages whose text OCR read; null for a document stored before this was counted (its OCR layout file says).</summary>
    public int? OcrPages { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Raised by every change of the record; the index holds <see cref="IndexedRevision"/>.</summary>
    public long Revision { get; init; }

    public long IndexedRevision { get; init; }

    /// <summary>When someone moved the document to the recycle bin; null while it is in use. A binned document is out of every list, count and the index.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    public string? DeletedBy { get; init; }

    public static string IdFor(string sha256) => sha256[..16];
}

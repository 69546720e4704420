namespace Search.Core.WebChecks;

/// <summary>What one fetch brought back: the hops it followed, the final status and the body read within the limits.</summary>
public sealed record FetchedPage
{
    public required Uri RequestedUrl { get; init; }

    public required Uri FinalUrl { get; init; }

    /// <summary>HTTP status of the last response; null when no response came (timeout, refused, unknown host).</summary>
    public int? Status { get; init; }

    /// <summary>Every address that answered with a redirect, in order, with its status.</summary>
    public IReadOnlyList<string> Redirects { get; init; } = [];

    public string? ContentType { get; init; }

    public byte[] Body { get; init; } = [];

    /// <summary>The page was larger than the limit; only the first part was read.</summary>
    public bool Truncated { get; init; }

    /// <summary>Why the page could not be fetched (timeout, connection, too many redirects).</summary>
    public string? Error { get; init; }

    /// <summary>Why the address was not fetched at all (scheme, internal address).</summary>
    public string? Refusal { get; init; }

    public DateTimeOffset FetchedAt { get; init; }

    public long ElapsedMilliseconds { get; init; }
}

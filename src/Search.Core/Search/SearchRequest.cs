namespace Search.Core.Search;

/// <summary>A reviewer's search: query text in the query language plus filters, paging and sort.</summary>
public sealed record SearchRequest
{
    public string Query { get; init; } = "";

    public string? Framework { get; init; }

    public int? Indicator { get; init; }

    public string? Department { get; init; }

    public string? FileType { get; init; }

    public int? Year { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>1-based page of documents.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Documents per page (1–100).</summary>
    public int Size { get; init; } = 20;

    public SearchSort Sort { get; init; } = SearchSort.Relevance;
}

public enum SearchSort
{
    Relevance,
    Date,
}

namespace Search.Core.Search;

/// <summary>A reviewer's search: query text in the query language plus filters, paging and sort.</summary>
public sealed record SearchRequest
{
    public string Query { get; init; } = "";

    public string? Framework { get; init; }

    public int? Indicator { get; init; }

    public string? Department { get; init; }

    /// <summary>Units any of which a document may be filed under; when set it replaces <see cref="Department"/> (a typed name resolved to the units it names).</summary>
    public IReadOnlyList<string>? Departments { get; init; }

    /// <summary>True when <see cref="Departments"/> were resolved from the query's own `department:` filters, which then filter no more by the name as typed.</summary>
    public bool QueryDepartmentsResolved { get; init; }

    public string? FileType { get; init; }

    public int? Year { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>1-based page of documents.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Documents per page (1–100).</summary>
    public int Size { get; init; } = 20;

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>A from/to date as reviewers write it on the command line or in a URL; <paramref name="name"/> names the option in the message.</summary>
    public static DateOnly? ParseDate(string? raw, string name) =>
        string.IsNullOrEmpty(raw) ? null
        : DateOnly.TryParseExact(raw, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d
        : throw new Configuration.InvalidInputException($"{name} 日期格式应为 yyyy-MM-dd，例如 2022-01-01，而不是“{raw}”。");
}

public enum SearchSort
{
    Relevance,
    Date,
}

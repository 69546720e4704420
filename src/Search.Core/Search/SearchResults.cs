using Search.Core.Indexing;

namespace Search.Core.Search;

/// <summary>
/// One page of results. Hits are documents, each shown by its best passage, so that one long document
/// does not fill a page; <see cref="Total"/> counts matching documents, and facets count them too.
/// </summary>
public sealed record SearchResults(int Total, int Page, int Size, IReadOnlyList<SearchHit> Hits, SearchFacets Facets, string? Notice = null)
{
    /// <summary>
    /// True when the words matched so many documents as whole words that matches inside longer words were not
    /// counted: <see cref="Total"/> and the facets are then at least what they say (shown as "约").
    /// </summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>The unit filter as typed and the units it was taken to mean; null when the search named no unit.</summary>
    public Coverage.UnitResolution? ResolvedDepartment { get; init; }
}

public sealed record SearchHit(
    string DocumentId,
    int Ordinal,
    string Title,
    string FileName,
    int Page,
    string? Location,
    string Snippet,
    string? Department,
    DateOnly? Date,
    string? DocNumber,
    string FileType,
    IReadOnlyList<IndicatorRef> Indicators,
    double Score,
    int MatchingPassages);

/// <summary>Counts of matching documents per value.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount> Department,
    IReadOnlyList<FacetCount> FileType,
    IReadOnlyList<FacetCount> Year,
    IReadOnlyList<FacetCount> Indicator);

public sealed record FacetCount(string Value, int Count);

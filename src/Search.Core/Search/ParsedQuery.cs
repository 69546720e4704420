namespace Search.Core.Search;

/// <summary>
/// A query in the reviewers' language after parsing: groups that must all match (each group matches when
/// any of its alternatives does), words that must not match, and field filters.
/// </summary>
public sealed record ParsedQuery
{
    public List<List<string>> Required { get; } = [];

    public List<string> Excluded { get; } = [];

    public Dictionary<string, List<string>> Filters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> ExcludedFilters { get; } = new(StringComparer.Ordinal);

    public bool HasText => Required.Count > 0;

    public IEnumerable<string> AllWords => Required.SelectMany(g => g);
}

using Search.Core.Search;
using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>
/// Resolves a unit name as people type it (市场监管 → 区市场监管分局) among the units documents were filed under, with the
/// same rule as the coverage unit view (<see cref="DepartmentView.Resolve"/>). Units only the frameworks name are left out:
/// a filter on them finds nothing, and several frameworks spell the same office differently (县市场监管局, 市市场监管局).
/// The filed units are read once and kept until this process writes a document, or for <see cref="OtherWritersDelay"/>
/// at most, so that what a worker process files shows up as its documents become searchable.
/// </summary>
public sealed class UnitResolver(DocumentRepository documents, TimeProvider? time = null)
{
    /// <summary>How long the filed units are kept when only other processes may have written since.</summary>
    public static readonly TimeSpan OtherWritersDelay = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private (IReadOnlyList<string> Units, long Changes, DateTimeOffset ReadAt)? _filed;

    public UnitResolution Resolve(string typed)
    {
        var name = DepartmentView.Normalise(typed);
        var filed = Filed();
        // A unit typed exactly means just that unit.
        if (filed.Contains(name, StringComparer.Ordinal))
        {
            return new UnitResolution(typed, [name]);
        }
        var units = DepartmentView.Resolve(name, filed);
        return units.Count > 0
            ? new UnitResolution(typed, units)
            : new UnitResolution(typed, [], filed.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The unit filter of a search, from --department (the request's <see cref="SearchRequest.Department"/>) or else from
    /// `department:` written in the query (行政复议 department:市场监管), resolved as typed; several `department:` mean any of
    /// them. Returns the request to run and the resolution to report, or null when the search names no unit.
    /// </summary>
    public (SearchRequest Request, UnitResolution? Resolved) Apply(SearchRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.Department))
        {
            var resolved = Resolve(request.Department);
            return (resolved.Resolved ? request with { Departments = resolved.Units } : request, resolved);
        }
        List<string>? typed;
        try
        {
            typed = QueryLanguageParser.Parse(request.Query).Filters.GetValueOrDefault("department");
        }
        catch (QuerySyntaxException)
        {
            // The search itself reports what is wrong with the query.
            return (request, null);
        }
        if (typed is not { Count: > 0 })
        {
            return (request, null);
        }
        var each = typed.Select(Resolve).ToList();
        var combined = each.All(r => r.Resolved)
            ? new UnitResolution(string.Join("、", typed), each.SelectMany(r => r.Units).Distinct().ToList())
            : new UnitResolution(string.Join("、", typed), [], Filed().Order(StringComparer.Ordinal).ToList());
        return (combined.Resolved ? request with { Departments = combined.Units, QueryDepartmentsResolved = true } : request, combined);
    }

    private IReadOnlyList<string> Filed()
    {
        var changes = documents.Changes;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_filed is { } kept && kept.Changes == changes && now - kept.ReadAt < OtherWritersDelay)
            {
                return kept.Units;
            }
        }
        var units = documents.Departments();
        lock (_gate)
        {
            _filed = (units, changes, now);
        }
        return units;
    }
}

using Search.Core.Storage;

namespace Search.Core.Coverage;

/// <summary>
/// Resolves a unit name as people type it (市场监管 → 区市场监管分局) among the units documents were filed under, with the
/// same rule as the coverage unit view (<see cref="DepartmentView.Resolve"/>). Units only the frameworks name are left out:
/// a filter on them finds nothing, and several frameworks spell the same office differently (县市场监管局, 市市场监管局).
/// </summary>
public sealed class UnitResolver(DocumentRepository documents)
{
    public UnitResolution Resolve(string typed)
    {
        var name = DepartmentView.Normalise(typed);
        var filed = documents.Departments();
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
}

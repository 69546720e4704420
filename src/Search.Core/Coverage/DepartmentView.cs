namespace Search.Core.Coverage;

/// <summary>A unit's share of a coverage report: the indicators it leads or shares, and only the material items it must supply.</summary>
public static class DepartmentView
{
    public static CoverageReport Filter(CoverageReport report, string unit)
    {
        var wanted = Normalise(unit);
        var indicators = report.Indicators
            .Where(i => i.LeadUnits.Any(u => Matches(u, wanted)) || i.ResponsibleUnits.Any(u => Matches(u, wanted)))
            .Select(i =>
            {
                var leads = i.LeadUnits.Any(u => Matches(u, wanted));
                // A lead unit owes the items grouped under it (or all, when items are not grouped by unit).
                var items = i.Materials.Where(m => m.LeadUnit is null || Matches(m.LeadUnit, wanted) || (leads && i.LeadUnits.Count == 1)).ToList();
                return i with { Materials = items };
            })
            .ToList();
        return report with { Indicators = indicators, IndicatorCount = indicators.Count, CoveredCount = indicators.Count(i => i.Covered) };
    }

    /// <summary>"区司法局" matches "区司法局" and "司法局"; "各部门" style group names match nobody in particular.</summary>
    public static bool Matches(string candidate, string wanted)
    {
        var c = Normalise(candidate);
        wanted = Normalise(wanted);
        if (c.Length == 0 || wanted.Length == 0)
        {
            return false;
        }
        return c == wanted || c.EndsWith(wanted, StringComparison.Ordinal) || wanted.EndsWith(c, StringComparison.Ordinal) && c.Length >= 3;
    }

    public static string Normalise(string unit) => unit.Replace(" ", "").Replace("\u3000", "").Trim();
}

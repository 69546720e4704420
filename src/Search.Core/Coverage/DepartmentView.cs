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
                var items = i.Materials.Where(m => m.LeadUnit is null || m.LeadUnit.Split('、').Any(u => Matches(u, wanted)) || (leads && i.LeadUnits.Count == 1)).ToList();
                // The unit is sent to whoever supplies its first missing item, not to the first missing item of the whole indicator.
                var missing = items.FirstOrDefault(m => !m.Satisfied);
                var suggestions = i.Suggestions.Select(s => missing is null ? s : s with { ForItem = missing.Item, AskUnit = missing.AskUnit ?? s.AskUnit }).ToList();
                return i with { Materials = items, Suggestions = suggestions };
            })
            .ToList();
        return report with { Indicators = indicators, IndicatorCount = indicators.Count, CoveredCount = indicators.Count(i => i.Covered) };
    }

    /// <summary>
    /// Unit names as people type them: "区司法局" matches "区司法局" and "司法局"; "市场监管" and "市场监管局" match
    /// "区市场监管分局" (the level prefix and the office suffix set aside); "各部门" style group names match nobody in particular.
    /// </summary>
    public static bool Matches(string candidate, string wanted)
    {
        var c = Normalise(candidate);
        wanted = Normalise(wanted);
        if (c.Length == 0 || wanted.Length == 0 || c.StartsWith('各'))
        {
            return false;
        }
        if (c == wanted || c.EndsWith(wanted, StringComparison.Ordinal) || wanted.EndsWith(c, StringComparison.Ordinal) && c.Length >= 3)
        {
            return true;
        }
        var (coreC, coreW) = (Core(c), Core(wanted));
        return coreW.Length >= 2 && coreC.Length >= 2 && (coreC == coreW || coreC.Contains(coreW, StringComparison.Ordinal));
    }

    /// <summary>The units of <paramref name="units"/> that <paramref name="typed"/> names, for showing which unit a partial name resolved to.</summary>
    public static IReadOnlyList<string> Resolve(string typed, IEnumerable<string> units) =>
        units.SelectMany(u => u.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(u => Matches(u, typed)).Distinct().Order(StringComparer.Ordinal).ToList();

    private static readonly string[] LevelPrefixes = ["中共", "县", "区", "市", "镇", "乡"];

    private static readonly string[] OfficeSuffixes = ["管理委员会", "委员会", "办公室", "分局", "中心", "局", "委", "办", "厅", "院", "所", "站", "队"];

    /// <summary>"区市场监管分局" → "市场监管": what the unit does, without its level and kind of office.</summary>
    public static string Core(string unit)
    {
        var core = Normalise(unit);
        foreach (var prefix in LevelPrefixes.Where(p => core.StartsWith(p, StringComparison.Ordinal) && core.Length > p.Length + 2))
        {
            core = core[prefix.Length..];
            break;
        }
        foreach (var suffix in OfficeSuffixes.Where(x => core.EndsWith(x, StringComparison.Ordinal) && core.Length > x.Length + 1))
        {
            core = core[..^suffix.Length];
            break;
        }
        return core;
    }

    public static string Normalise(string unit) => unit.Replace(" ", "").Replace("\u3000", "").Trim();
}

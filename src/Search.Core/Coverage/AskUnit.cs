using Search.Core.Frameworks;

namespace Search.Core.Coverage;

/// <summary>Whom to ask for a missing item: the item's own unit (材料提供单位), else the indicator's lead units, else its responsible units.</summary>
public static class AskUnit
{
    public static string? For(Indicator indicator, MaterialGroup? group) =>
        group?.LeadUnit is { Length: > 0 } own ? own
        : indicator.LeadUnits.Count > 0 ? string.Join("、", indicator.LeadUnits)
        : indicator.ResponsibleUnits.Count > 0 ? string.Join("、", indicator.ResponsibleUnits)
        : null;
}

namespace Search.Core.Coverage;

/// <summary>
/// Coverage of one framework: per indicator, per material item, what evidence there is and what is missing.
/// Item counts: confirmed by a reviewer, suggested by the matcher only, and missing (nothing or not enough).
/// </summary>
public sealed record CoverageReport(string Framework, string Name, int IndicatorCount, int CoveredCount, int DocumentCount, IReadOnlyList<IndicatorCoverage> Indicators)
{
    public int ItemCount => Indicators.Sum(i => i.Materials.Count);

    public int ConfirmedItems => Indicators.Sum(i => i.ConfirmedItems);

    public int SuggestedItems => Indicators.Sum(i => i.SuggestedItems);

    public int MissingItems => Indicators.Sum(i => i.MissingItems);

    /// <summary>Evidence filed under no unit (未填报送单位), counted in no unit's share.</summary>
    public IReadOnlyList<UnfiledDocument> UnfiledDocuments { get; init; } = [];
}

public sealed record IndicatorCoverage(
    int Number,
    int Section,
    string? SectionTitle,
    string Text,
    bool Covered,
    int EvidenceCount,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> ResponsibleUnits,
    IReadOnlyList<EvidenceLink> Evidence,
    IReadOnlyList<MaterialCoverage> Materials,
    IReadOnlyList<Suggestion> Suggestions)
{
    public int ConfirmedItems => Materials.Count(m => m.Status == ItemStatus.Confirmed);

    public int SuggestedItems => Materials.Count(m => m.Status == ItemStatus.Suggested);

    public int MissingItems => Materials.Count(m => m.Status is ItemStatus.Missing or ItemStatus.Partial);

    /// <summary>
    /// The indicator's state on the board: no evidence (missing); evidence nobody has confirmed, neither the link to the
    /// indicator nor any of its items (suggested); confirmed evidence with items still open (partial); confirmed and
    /// every item satisfied (complete).
    /// </summary>
    public string State =>
        !Covered ? IndicatorState.Missing
        : Evidence.All(e => e.Source == "auto") && ConfirmedItems == 0 && !Materials.Any(m => m.ConfirmedDocumentIds.Count > 0) ? IndicatorState.Suggested
        : Materials.Any(m => !m.Satisfied) ? IndicatorState.Partial
        : IndicatorState.Complete;
}

/// <summary>Indicator states as the coverage JSON spells them (the page's tiles and legend).</summary>
public static class IndicatorState
{
    public const string Complete = "complete";
    public const string Partial = "partial";
    public const string Suggested = "suggested";
    public const string Missing = "missing";
}

/// <summary>A document linked to an indicator, and how: by the matcher, confirmed or added by a reviewer.</summary>
public sealed record EvidenceLink(string DocumentId, string Title, string File, double Score, string Source, DateOnly? Date, IReadOnlyList<string> Reasons);

/// <summary>
/// One checklist item. <see cref="Satisfied"/> when enough distinct documents are that item (confirmed or suggested);
/// <see cref="Status"/> tells a reviewer's tick from the matcher's. <see cref="DocumentIds"/> are the distinct documents
/// counted, <see cref="Evidence"/> says why each fits (duplicates named beside the copy counted), <see cref="OutsideWindow"/>
/// the documents that would fit but are dated outside <see cref="TimeWindow"/>, and <see cref="AskUnit"/> whom to ask.
/// </summary>
public sealed record MaterialCoverage(
    string? LeadUnit,
    string Item,
    bool Satisfied,
    IReadOnlyList<string> DocumentIds,
    string? TimeWindow,
    IReadOnlyList<string> OutsideWindow)
{
    /// <summary>1-based place of the item in the indicator's checklist.</summary>
    public int Index { get; init; }

    public string Status { get; init; } = ItemStatus.Missing;

    /// <summary>How many distinct documents the item asks for (案例5个 → 5).</summary>
    public int Required { get; init; } = 1;

    public IReadOnlyList<string> ConfirmedDocumentIds { get; init; } = [];

    public IReadOnlyList<string> SuggestedDocumentIds { get; init; } = [];

    public IReadOnlyList<ItemEvidence> Evidence { get; init; } = [];

    public string? AskUnit { get; init; }
}

/// <summary>Item states as the coverage JSON spells them.</summary>
public static class ItemStatus
{
    /// <summary>A reviewer confirmed enough documents.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Enough documents fit, but not all are confirmed yet.</summary>
    public const string Suggested = "suggested";

    /// <summary>Some documents fit, fewer than the item asks for.</summary>
    public const string Partial = "partial";

    public const string Missing = "missing";

    public static string Label(string status) => status switch
    {
        Confirmed => "已确认",
        Suggested => "待确认",
        Partial => "数量不足",
        _ => "缺",
    };
}

/// <summary>A document counted for an item: confirmed or suggested, why it fits, and the copies of it that are not counted again.</summary>
public sealed record ItemEvidence(string DocumentId, string Title, string Source, string Reason, IReadOnlyList<string> Duplicates)
{
    /// <summary>The word recorded on this document for the item (confirm, add, provide), which can be undone; null for the matcher's own tick.</summary>
    public Matching.DecisionKind? Decision { get; init; }
}

/// <summary>A document not linked yet that probably belongs here, and the unit to ask when nothing fits.</summary>
public sealed record Suggestion(string DocumentId, string Title, double Score, string? ForItem, string? AskUnit);

namespace Search.Core.Coverage;

/// <summary>Coverage of one framework: per indicator, per material item, what evidence there is and what is missing.</summary>
public sealed record CoverageReport(string Framework, string Name, int IndicatorCount, int CoveredCount, int DocumentCount, IReadOnlyList<IndicatorCoverage> Indicators);

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
    IReadOnlyList<Suggestion> Suggestions);

/// <summary>A document linked to an indicator, and how: by the matcher, confirmed or added by a reviewer.</summary>
public sealed record EvidenceLink(string DocumentId, string Title, string File, double Score, string Source, DateOnly? Date, IReadOnlyList<string> Reasons);

/// <summary>One checklist item: satisfied or not, by which documents, and which of them are dated outside its time window.</summary>
public sealed record MaterialCoverage(
    string? LeadUnit,
    string Item,
    bool Satisfied,
    IReadOnlyList<string> DocumentIds,
    string? TimeWindow,
    IReadOnlyList<string> OutsideWindow);

/// <summary>A document not linked yet that probably belongs here, and the unit to ask when nothing fits.</summary>
public sealed record Suggestion(string DocumentId, string Title, double Score, string? ForItem, string? AskUnit);

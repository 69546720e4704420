namespace Search.Core.Matching;

/// <summary>What the matcher reads of one indicator: its own words, its checklist and the section it sits in.</summary>
public sealed record IndicatorProfileInput(
    int Number,
    string Text,
    string? SectionTitle,
    string? Group,
    IReadOnlyList<string> MaterialItems,
    IReadOnlyList<string> Explanation);

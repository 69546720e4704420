namespace Search.Core.WebChecks;

/// <summary>One address to check and what it should show: the words expected and, where the framework sets one, the deadline.</summary>
public sealed record WebCheckTarget(
    string Url,
    string? Framework,
    int? Indicator,
    string? IndicatorText,
    string? LeadUnit,
    IReadOnlyList<string> Expect,
    DeadlineRule? Deadline,
    string Source);

/// <summary>An indicator that should be checked online but has no address to check yet.</summary>
public sealed record UncheckedIndicator(int Indicator, string Text, IReadOnlyList<string> Expect, string Reason);

/// <summary>What a run will check: the targets and the indicators that have no address.</summary>
public sealed record WebCheckPlan(string? Framework, IReadOnlyList<WebCheckTarget> Targets, IReadOnlyList<UncheckedIndicator> Unchecked);

namespace Search.Core.Matching;

/// <summary>An indicator a text supports, with a score in [0, 1+] and the reasons a reviewer can check.</summary>
public sealed record IndicatorMatch(int Number, double Score, IReadOnlyList<string> Reasons);

namespace Search.Core.Matching;

/// <summary>A document's matching features, tokenised once and weighed by each framework's idf.</summary>
public sealed record PreparedInput(
    IReadOnlyDictionary<string, double> Whole,
    IReadOnlyList<Dictionary<string, double>> Passages,
    IReadOnlyList<int> Hints);

namespace Search.Core.Matching;

/// <summary>A document's matching features, tokenised once and weighed by each framework's idf.</summary>
/// <param name="Title">The title's own features: a title names the kind of document, which material items ask for.</param>
/// <param name="TitleText">The title as written, for its type word and verbs.</param>
/// <param name="Date">The document's own date.</param>
/// <param name="Lead">The body's first sentence, where a report says what was done (举办培训, 组织考试) when its title does not.</param>
public sealed record PreparedInput(
    IReadOnlyDictionary<string, double> Whole,
    IReadOnlyList<Dictionary<string, double>> Passages,
    IReadOnlyList<int> Hints,
    IReadOnlyDictionary<string, double>? Title = null,
    string? TitleText = null,
    DateOnly? Date = null,
    string? Lead = null);

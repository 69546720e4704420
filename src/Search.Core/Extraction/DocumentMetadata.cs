namespace Search.Core.Extraction;

/// <summary>What a document says about itself: title, 文号, 成文日期, issuing body, addresses, indicator hints, classification marks.</summary>
public sealed record DocumentMetadata(
    string Title,
    string? DocNumber,
    DateOnly? Date,
    bool DateFromDocNumber,
    string? IssuingBody,
    IReadOnlyList<string> Urls,
    IReadOnlyList<int> IndicatorHints,
    IReadOnlyList<string> ClassificationMarks);

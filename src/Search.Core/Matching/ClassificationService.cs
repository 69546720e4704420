using Search.Core.Extraction;

namespace Search.Core.Matching;

/// <summary>Answers "which indicator does this document fit?" for a file or a text, without storing anything.</summary>
public sealed class ClassificationService(TextExtractionService extraction, MatcherRegistry registry)
{
    public sealed record ClassifiedIndicator(int Number, double Score, IReadOnlyList<string> Reasons);

    public sealed record Classification(string Framework, string Title, IReadOnlyList<ClassifiedIndicator> Indicators);

    public async Task<Classification> ClassifyFileAsync(string path, string displayName, string frameworkId, int top, CancellationToken cancellationToken)
    {
        var matcher = registry.For(frameworkId);
        var input = await ReadAsync(path, displayName, cancellationToken);
        return Classify(matcher, input.Title, input, top);
    }

    /// <summary>A file read the way ingestion reads it: title, head, passages to score one by one, path hints.</summary>
    public async Task<MatchInput> ReadAsync(string path, string displayName, CancellationToken cancellationToken)
    {
        var extracted = await extraction.ExtractAsync(path, cancellationToken);
        var metadata = DocumentMetadataReader.Read(Path.GetFileName(displayName), displayName, extracted);
        var passages = PassageSplitter.Split(extracted).Select(p => p.Text).ToList();
        return new MatchInput(metadata.Title, DocumentText.Head(passages), DocumentText.ScoredPassages(passages), metadata.IndicatorHints, metadata.Date);
    }

    public Classification ClassifyText(string title, string text, string frameworkId, int top)
    {
        var input = ForText(title, text);
        return Classify(registry.For(frameworkId), input.Title, input, top);
    }

    /// <summary>A text read as ingestion reads a file: without a title of its own, the title its head gives; its date.</summary>
    public static MatchInput ForText(string title, string text) =>
        new(string.IsNullOrWhiteSpace(title) ? DocumentMetadataReader.TitleOf(text) : title.Trim(), text, Date: DocumentMetadataReader.DateOf(text));

    private static Classification Classify(FrameworkMatcher matcher, string title, MatchInput input, int top) =>
        new(matcher.FrameworkId, title, matcher.Match(input, Math.Clamp(top, 1, 20)).Select(m => new ClassifiedIndicator(m.Number, m.Score, m.Reasons)).ToList());
}

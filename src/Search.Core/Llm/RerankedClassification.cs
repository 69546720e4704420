using Search.Core.Frameworks;
using Search.Core.Matching;

namespace Search.Core.Llm;

/// <summary>
/// Indicator matching with embedding re-ranking: the tf-idf matcher proposes and filters (so "nothing fits" stays
/// empty), the embeddings re-order its first candidates against each indicator's text and materials.
/// </summary>
public sealed class RerankedClassification(ClassificationService classification, MatcherRegistry registry, FrameworkCatalog catalog, EmbeddingReranker reranker)
{
    /// <summary>How many tf-idf candidates the embeddings may re-order.</summary>
    public const int Candidates = 10;

    private const int QueryChars = 1500;

    public async Task<ClassificationService.Classification> ClassifyFileAsync(string path, string displayName, string frameworkId, int top, CancellationToken cancellationToken) =>
        await ClassifyAsync(await classification.ReadAsync(path, displayName, cancellationToken), frameworkId, top, cancellationToken);

    public Task<ClassificationService.Classification> ClassifyTextAsync(string title, string text, string frameworkId, int top, CancellationToken cancellationToken) =>
        ClassifyAsync(new MatchInput(title, text), frameworkId, top, cancellationToken);

    /// <summary>The matches of one input, best first after fusion.</summary>
    public async Task<IReadOnlyList<IndicatorMatch>> MatchAsync(FrameworkMatcher matcher, MatchInput input, int top, CancellationToken cancellationToken)
    {
        var candidates = matcher.Match(input, Math.Max(top, Candidates));
        var framework = catalog.Get(matcher.FrameworkId);
        var query = (input.Title + "\n" + input.Text).Trim();
        var reranked = await reranker.RerankAsync(query.Length > QueryChars ? query[..QueryChars] : query, candidates,
            m => ProfileText(framework, m.Number), cancellationToken);
        return reranked.Take(top).ToList();
    }

    private async Task<ClassificationService.Classification> ClassifyAsync(MatchInput input, string frameworkId, int top, CancellationToken cancellationToken)
    {
        var matcher = registry.For(frameworkId);
        var matches = await MatchAsync(matcher, input, Math.Clamp(top, 1, 20), cancellationToken);
        return new ClassificationService.Classification(matcher.FrameworkId, input.Title,
            matches.Select(m => new ClassificationService.ClassifiedIndicator(m.Number, m.Score, [.. m.Reasons, "向量重排"])).ToList());
    }

    private static string ProfileText(Framework framework, int number)
    {
        var indicator = framework.Indicators.First(i => i.Number == number);
        return string.Join("\n", indicator.Materials.SelectMany(m => m.Items).Prepend(indicator.Text));
    }
}

using System.Collections.Concurrent;

namespace Search.Core.Llm;

/// <summary>
/// Re-orders a ranking by embedding similarity to the query, fused with the original order by reciprocal rank
/// fusion (k = 60): rank-based, so Lucene and tf-idf scores need no calibration against cosines, and an item
/// both rankings like stays on top. Only the order changes; the candidates and their scores are kept.
/// </summary>
public sealed class EmbeddingReranker(LlmClient llm)
{
    public const int FusionK = 60;
    private const int CacheLimit = 5000;

    // Indicator texts come back on every request; the query never does, so it is not cached.
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    public bool IsConfigured => llm.IsConfigured;

    public async Task<IReadOnlyList<T>> RerankAsync<T>(string query, IReadOnlyList<T> ranked, Func<T, string> textOf, CancellationToken cancellationToken)
    {
        llm.EnsureConfigured("用向量重排结果");
        if (ranked.Count < 2 || string.IsNullOrWhiteSpace(query))
        {
            return ranked;
        }
        var texts = ranked.Select(textOf).ToList();
        var missing = texts.Where(t => !_cache.ContainsKey(t)).Distinct().ToList();
        var vectors = await llm.EmbedAsync([query, .. missing], cancellationToken);
        if (_cache.Count + missing.Count > CacheLimit)
        {
            _cache.Clear();
        }
        for (var i = 0; i < missing.Count; i++)
        {
            _cache[missing[i]] = vectors[i + 1];
        }
        var similarities = texts.Select(t => Cosine(vectors[0], _cache.TryGetValue(t, out var v) ? v : vectors[missing.IndexOf(t) + 1])).ToList();
        return Fuse(similarities).Select(i => ranked[i]).ToList();
    }

    /// <summary>Positions of the original ranking in fused order, given each item's similarity; ties keep the original order.</summary>
    public static IReadOnlyList<int> Fuse(IReadOnlyList<double> similarities)
    {
        var semanticRank = Enumerable.Range(0, similarities.Count)
            .OrderByDescending(i => similarities[i]).ThenBy(i => i)
            .Select((index, rank) => (index, rank))
            .ToDictionary(x => x.index, x => x.rank);
        return Enumerable.Range(0, similarities.Count)
            .OrderByDescending(i => 1.0 / (FusionK + i + 1) + 1.0 / (FusionK + semanticRank[i] + 1))
            .ThenBy(i => i)
            .ToList();
    }

    public static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new LlmException(LlmFailure.BadAnswer, $"语言模型返回的向量维数不一致（{a.Length} 与 {b.Length}）。the embeddings differ in length.");
        }
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}

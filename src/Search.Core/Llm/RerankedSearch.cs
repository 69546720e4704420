using Search.Core.Search;

namespace Search.Core.Llm;

/// <summary>Re-orders one page of search hits by embedding similarity of title and best passage to the query, fused with the Lucene order.</summary>
public sealed class RerankedSearch(EmbeddingReranker reranker)
{
    public async Task<SearchResults> RerankAsync(string query, SearchResults results, CancellationToken cancellationToken)
    {
        var hits = await reranker.RerankAsync(query, results.Hits,
            h => h.Title + "\n" + h.Snippet.Replace("<mark>", "").Replace("</mark>", ""), cancellationToken);
        return results with { Hits = hits };
    }
}

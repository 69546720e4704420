using Search.Core.Configuration;
using Search.Core.Llm;
using Search.Core.Matching;
using Search.Core.Search;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Llm;

[Trait("Category", "Integration")]
public sealed class EmbeddingRerankerTests : IDisposable
{
    private readonly FakeOpenAiServer _server = new();
    private readonly Services _services;

    public EmbeddingRerankerTests()
    {
        _services = new Services(new()
        {
            ["Search:Llm:Endpoint"] = _server.Endpoint,
            ["Search:Llm:Model"] = "county-model",
            ["Search:Llm:EmbeddingModel"] = "county-embedding",
            ["Search:Llm:TimeoutSeconds"] = "2",
        });
    }

    [Fact]
    public void Fuse_AgreeingRankings_KeepOrder()
    {
        Assert.Equal([0, 1, 2], EmbeddingReranker.Fuse([0.9, 0.5, 0.1]));
    }

    [Fact]
    public void Fuse_SemanticFavouriteFarBelow_MovesUpButNotAboveAnItemBothLike()
    {
        var order = EmbeddingReranker.Fuse([0.8, 0.1, 0.2, 0.3, 0.95]);

        Assert.Equal(0, order[0]);
        Assert.Equal(4, order[1]);
    }

    [Fact]
    public async Task RerankAsync_Search_SimilarHitMovesUpAndEmbeddingModelIsSent()
    {
        _server.Embed = text => text.Contains("审查") ? [1, 0] : text.Contains("台账") ? [0.9f, 0.1f] : [0, 1];
        var hits = new[] { "天气预报", "会议通知", "审查台账" }.Select(Hit).ToList();
        var results = new SearchResults(3, 1, 10, hits, new SearchFacets([], [], [], []));

        var reranked = await _services.Get<RerankedSearch>().RerankAsync("公平竞争审查", results, CancellationToken.None);

        // Fusion is rank-based: the last Lucene hit, most similar, passes the one both rankings put last but not the first.
        Assert.Equal(["天气预报", "审查台账", "会议通知"], reranked.Hits.Select(h => h.Title));
        Assert.Equal(3, reranked.Hits.Count);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("county-embedding", request.Body["model"]!.ToString());
    }

    [Fact]
    public async Task ClassifyTextAsync_WithEmbeddings_SameCandidatesMarkedReranked()
    {
        var plain = _services.Get<ClassificationService>().ClassifyText("关于开展公平竞争审查工作的通知", "对行政规范性文件逐件开展公平竞争审查，建立审查台账。", "shapotou-2023", 3);

        var reranked = await _services.Get<RerankedClassification>().ClassifyTextAsync("关于开展公平竞争审查工作的通知", "对行政规范性文件逐件开展公平竞争审查，建立审查台账。", "shapotou-2023", 3, CancellationToken.None);

        Assert.NotEmpty(reranked.Indicators);
        Assert.Contains(reranked.Indicators[0].Number, plain.Indicators.Select(i => i.Number).Concat([12]));
        Assert.All(reranked.Indicators, i => Assert.Contains("向量重排", i.Reasons));
    }

    [Fact]
    public async Task RerankAsync_EmbeddingServerDown_ClearErrorAfterLimitedAttempts()
    {
        _server.EmbeddingsReply = FakeOpenAiServer.Reply.Error(500);
        var hits = new[] { "甲", "乙" }.Select(Hit).ToList();

        var e = await Assert.ThrowsAsync<LlmException>(() => _services.Get<RerankedSearch>().RerankAsync("审查", new SearchResults(2, 1, 10, hits, new SearchFacets([], [], [], [])), CancellationToken.None));

        Assert.Equal(LlmFailure.Unavailable, e.Failure);
        Assert.Equal(2, _server.Requests.Count);
    }

    private static SearchHit Hit(string title) => new(title, 0, title, title + ".txt", 1, null, title, null, null, null, "txt", [], 1, 1);

    public void Dispose()
    {
        _services.Dispose();
        _server.Dispose();
    }
}

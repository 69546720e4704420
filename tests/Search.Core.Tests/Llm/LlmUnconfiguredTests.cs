using Search.Core.Configuration;
using Search.Core.Llm;
using Search.Core.Matching;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.Llm;

[Trait("Category", "Integration")]
public sealed class LlmUnconfiguredTests : IDisposable
{
    private readonly Services _services = new();

    [Fact]
    public async Task DraftAsync_NoEndpoint_ConfigurationErrorNamesTheKey()
    {
        var e = await Assert.ThrowsAsync<ConfigurationException>(() =>
            _services.Get<DraftService>().DraftAsync("shapotou-2023", 12, "审核员", CancellationToken.None));

        Assert.Equal("Search:Llm:Endpoint", e.Key);
        Assert.Contains("未配置语言模型", e.Message);
    }

    [Fact]
    public async Task RerankAsync_NoEndpoint_ConfigurationError()
    {
        await Assert.ThrowsAsync<ConfigurationException>(() =>
            _services.Get<RerankedClassification>().ClassifyTextAsync("公平竞争审查", "公平竞争审查制度", "shapotou-2023", 3, CancellationToken.None));
    }

    [Fact]
    public void ClassifyText_NoEndpoint_WorksAsBefore()
    {
        var result = _services.Get<ClassificationService>().ClassifyText("关于开展公平竞争审查工作的通知", "对行政规范性文件逐件开展公平竞争审查，建立审查台账。", "shapotou-2023", 3);

        Assert.Equal(12, result.Indicators[0].Number);
        Assert.DoesNotContain(result.Indicators.SelectMany(i => i.Reasons), r => r.Contains("向量"));
    }

    [Fact]
    public void Validate_EndpointWithoutModel_NamesTheKey()
    {
        var result = new LlmOptionsValidator().Validate(null, new LlmOptions { Endpoint = "http://127.0.0.1:9/v1" });

        Assert.True(result.Failed);
        Assert.Contains("Search:Llm:Model", result.FailureMessage);
    }

    [Fact]
    public void Validate_EndpointNotAUrl_NamesTheKey()
    {
        var result = new LlmOptionsValidator().Validate(null, new LlmOptions { Endpoint = "localhost", Model = "m" });

        Assert.Contains("Search:Llm:Endpoint", result.FailureMessage);
    }

    [Fact]
    public void Validate_Empty_Succeeds()
    {
        Assert.True(new LlmOptionsValidator().Validate(null, new LlmOptions()).Succeeded);
    }

    public void Dispose() => _services.Dispose();
}

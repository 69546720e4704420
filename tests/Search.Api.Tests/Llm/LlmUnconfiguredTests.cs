using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests.Llm;

/// <summary>Without Search:Llm:Endpoint the model features say so clearly and everything else answers as before.</summary>
public sealed class LlmUnconfiguredTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task PostDraft_Unconfigured_ServiceUnavailableProblemInChineseWithoutConfigurationKeys()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/frameworks/shapotou-2023/indicators/12/draft", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("未配置语言模型，无法", detail);
        Assert.Contains("系统管理员", detail);
        Assert.DoesNotContain("Search", detail);
        Assert.DoesNotContain("Llm", detail);
        Assert.DoesNotMatch("[A-Za-z]{3,}", detail);
    }

    [Fact]
    public async Task GetDrafts_Unconfigured_EmptyList()
    {
        using var client = factory.CreateClient();

        var saved = await client.GetFromJsonAsync<JsonElement>("/api/frameworks/shapotou-2023/indicators/12/drafts");

        Assert.Equal(0, saved.GetArrayLength());
    }

    [Fact]
    public async Task SearchAndClassify_Unconfigured_AnswerAsBefore_RerankSaysNotConfigured()
    {
        using var client = factory.CreateClient();
        await Uploads.UploadAndWaitAsync(client, "审查.txt", "区市场监管分局逐件开展公平竞争审查，建立审查台账。", "区市场监管分局");

        var search = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("审查台账"));
        var classify = await client.PostAsJsonAsync("/api/classify?framework=shapotou-2023", new { title = "公平竞争审查", text = "逐件开展公平竞争审查，建立审查台账。" });
        var reranked = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("审查台账") + "&rerank=true");

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(1, (await search.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, classify.StatusCode);
        Assert.Equal(12, (await classify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("indicators")[0].GetProperty("number").GetInt32());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, reranked.StatusCode);
    }
}

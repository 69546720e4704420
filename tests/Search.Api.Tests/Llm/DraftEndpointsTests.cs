using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Search.Core.Tests.Llm;

namespace Search.Api.Tests.Llm;

public sealed class DraftEndpointsTests(LlmApiFactory factory) : IClassFixture<LlmApiFactory>
{
    private async Task<string> LinkEvidenceAsync(HttpClient client, int number)
    {
        var job = await Uploads.UploadAndWaitAsync(client, $"审查通知{number}.txt",
            "关于开展2023年公平竞争审查工作的通知\n\n区市场监管分局对行政规范性文件逐件开展公平竞争审查，建立审查台账。", "区市场监管分局");
        var id = Uploads.DocumentIdOf(job);
        var decided = await client.PostAsJsonAsync($"/api/documents/{id}/mappings", new { framework = "shapotou-2023", number, decision = "confirm" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        return id;
    }

    [Fact]
    public async Task PostDraft_ConfiguredModel_CreatedWithCitationsAndListed()
    {
        using var client = factory.CreateClient();
        var id = await LinkEvidenceAsync(client, 12);
        factory.Model.Chat = _ => FakeOpenAiServer.Reply.ChatText("区市场监管分局逐件开展公平竞争审查，建立审查台账。[1]");

        var response = await client.PostAsync("/api/frameworks/shapotou-2023/indicators/12/draft", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var draft = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.True(draft.GetProperty("length").GetInt32() <= draft.GetProperty("limit").GetInt32());
        var citation = draft.GetProperty("citations")[0];
        Assert.Equal(id, citation.GetProperty("documentId").GetString());
        Assert.Equal(1, citation.GetProperty("page").GetInt32());
        Assert.Contains("不是定稿", draft.GetProperty("notice").GetString());

        var saved = await client.GetFromJsonAsync<JsonElement>("/api/frameworks/shapotou-2023/indicators/12/drafts");
        Assert.Contains(saved.EnumerateArray(), d => d.GetProperty("id").GetString() == draft.GetProperty("id").GetString());
    }

    [Fact]
    public async Task PutDraft_ReviewerText_RecountedCitedAndStillADraft()
    {
        using var client = factory.CreateClient();
        var id = await LinkEvidenceAsync(client, 16);
        factory.Model.Chat = _ => FakeOpenAiServer.Reply.ChatText("区市场监管分局逐件开展公平竞争审查，建立审查台账。[1]");
        var draft = await (await client.PostAsync("/api/frameworks/shapotou-2023/indicators/16/draft", null)).Content.ReadFromJsonAsync<JsonElement>();
        var url = $"/api/frameworks/shapotou-2023/indicators/16/drafts/{draft.GetProperty("id").GetString()}";

        var edited = await client.PutAsJsonAsync(url, new { text = "2023年区市场监管分局对涉企文件逐件审查。[1]另有专项清理。" });
        var wrongMarker = await client.PutAsJsonAsync(url, new { text = "审查台账齐全。[7]" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var body = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", body.GetProperty("status").GetString());
        Assert.Equal(Search.Core.Llm.DraftLength.Count(body.GetProperty("text").GetString()!), body.GetProperty("length").GetInt32());
        Assert.Equal(id, body.GetProperty("citations")[0].GetProperty("documentId").GetString());
        Assert.Contains(body.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("另有专项清理"));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("editedBy").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, wrongMarker.StatusCode);
        Assert.Contains("[7]", (await wrongMarker.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var saved = await client.GetFromJsonAsync<JsonElement>("/api/frameworks/shapotou-2023/indicators/16/drafts");
        Assert.StartsWith("2023年区市场监管分局", saved[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task PostDraft_SlowModel_GatewayTimeoutProblem()
    {
        using var client = factory.CreateClient();
        await LinkEvidenceAsync(client, 13);
        factory.Model.Chat = _ => FakeOpenAiServer.Reply.ChatText("慢。[1]", TimeSpan.FromSeconds(20));

        var response = await client.PostAsync("/api/frameworks/shapotou-2023/indicators/13/draft", null);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("秒内没有回答", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PostDraft_ModelRefusesTheKey_BadGatewayInChineseWithoutKeysOrAddress()
    {
        using var client = factory.CreateClient();
        await LinkEvidenceAsync(client, 15);
        factory.Model.Chat = _ => FakeOpenAiServer.Reply.Error(401);

        var response = await client.PostAsync("/api/frameworks/shapotou-2023/indicators/15/draft", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("拒绝了请求，状态 401", detail);
        Assert.Contains("系统管理员", detail);
        Assert.DoesNotContain("Search:Llm", detail);
        Assert.DoesNotContain(factory.Model.Endpoint, detail);
    }

    [Fact]
    public async Task PostDraft_UncitedAnswer_BadGatewayProblemNothingSaved()
    {
        using var client = factory.CreateClient();
        await LinkEvidenceAsync(client, 14);
        factory.Model.Chat = _ => FakeOpenAiServer.Reply.ChatText("工作成效显著。");

        var response = await client.PostAsync("/api/frameworks/shapotou-2023/indicators/14/draft", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("没有引用", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var saved = await client.GetFromJsonAsync<JsonElement>("/api/frameworks/shapotou-2023/indicators/14/drafts");
        Assert.Equal(0, saved.GetArrayLength());
    }

    [Fact]
    public async Task Search_Rerank_UsesEmbeddings()
    {
        using var client = factory.CreateClient();
        await LinkEvidenceAsync(client, 15);
        var before = factory.Model.Requests.Count(r => r.Path == "/v1/embeddings");

        var results = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("审查") + "&rerank=true");

        Assert.True(results.GetProperty("total").GetInt32() >= 1);
        Assert.True(factory.Model.Requests.Count(r => r.Path == "/v1/embeddings") >= (results.GetProperty("hits").GetArrayLength() > 1 ? before + 1 : before));
    }
}

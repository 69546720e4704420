using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests.Endpoints;

/// <summary>The routes the page leans on: labels for every code, the caller's session, the landing overview, deadlines, undo of a decision.</summary>
public sealed class PageSupportEndpointsTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task Labels_NameEveryCodeInChinese()
    {
        using var client = factory.CreateClient();

        var labels = await client.GetFromJsonAsync<JsonElement>("/api/labels");

        Assert.Equal("文本", labels.GetProperty("fileTypes").GetProperty("text").GetString());
        Assert.Equal("已确认", labels.GetProperty("decisions").GetProperty("confirm").GetString());
        Assert.Equal("否定", labels.GetProperty("decisionActions").GetProperty("reject").GetString());
        Assert.Equal("缺少关键词", labels.GetProperty("webOutcomes").GetProperty("keyword-missing").GetString());
        Assert.Equal("已入库", labels.GetProperty("ingestOutcomes").GetProperty("ingested").GetString());
        foreach (var group in labels.EnumerateObject())
        {
            foreach (var entry in group.Value.EnumerateObject())
            {
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}|^(PDF|CSV|OFD)", entry.Value.GetString()!);
            }
        }
    }

    [Fact]
    public async Task Session_WithoutUsers_IsTheLocalAdministrator_WithoutAModel()
    {
        using var client = factory.CreateClient();

        var session = await client.GetFromJsonAsync<JsonElement>("/api/session");

        Assert.Equal("本机用户", session.GetProperty("name").GetString());
        Assert.Equal("管理员", session.GetProperty("roleLabel").GetString());
        Assert.True(session.GetProperty("mayDecide").GetBoolean());
        Assert.False(session.GetProperty("llm").GetBoolean());
        Assert.False(session.GetProperty("usersConfigured").GetBoolean());
    }

    [Fact]
    public async Task Deadlines_OfShapotou_AreTheYearlyDates()
    {
        using var client = factory.CreateClient();

        var deadlines = await client.GetFromJsonAsync<JsonElement>("/api/frameworks/shapotou-2023/deadlines");

        var dates = deadlines.EnumerateArray().Select(d => $"{d.GetProperty("month").GetInt32()}-{d.GetProperty("day").GetInt32()}").ToList();
        Assert.Contains("1-31", dates);
        Assert.Contains("3-1", dates);
        Assert.Contains("4-1", dates);
        var april = deadlines.EnumerateArray().First(d => d.GetProperty("month").GetInt32() == 4);
        Assert.True(april.GetProperty("publication").GetBoolean());
        Assert.InRange(april.GetProperty("daysLeft").GetInt32(), 0, 366);
    }

    [Fact]
    public async Task Undo_WithdrawsTheDecision_AndOverviewCountsItAgain()
    {
        using var client = factory.CreateClient();
        var job = await Uploads.UploadAndWaitAsync(client, "公平竞争审查台账.txt", "2023年公平竞争审查工作台账\n\n区市场监管分局对涉及市场主体经济活动的政策措施逐件开展公平竞争审查。", "区市场监管分局");
        var id = Uploads.DocumentIdOf(job);

        var before = await client.GetFromJsonAsync<JsonElement>("/api/overview?framework=shapotou-2023");
        var decided = await client.PostAsJsonAsync($"/api/documents/{id}/mappings", new { framework = "shapotou-2023", number = 12, decision = "confirm", note = "核对无误" });
        decided.EnsureSuccessStatusCode();
        var mapping = (await client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/mappings")).EnumerateArray()
            .First(m => m.GetProperty("framework").GetString() == "shapotou-2023" && m.GetProperty("number").GetInt32() == 12);
        Assert.Equal("核对无误", mapping.GetProperty("note").GetString());
        var during = await client.GetFromJsonAsync<JsonElement>("/api/overview?framework=shapotou-2023");
        Assert.Equal(before.GetProperty("awaitingReviewCount").GetInt32() - 1, during.GetProperty("awaitingReviewCount").GetInt32());

        var undone = await client.DeleteAsync($"/api/documents/{id}/mappings/shapotou-2023/12?note={Uri.EscapeDataString("误点")}");
        Assert.Equal(HttpStatusCode.NoContent, undone.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/overview?framework=shapotou-2023");
        Assert.Equal(before.GetProperty("awaitingReviewCount").GetInt32(), after.GetProperty("awaitingReviewCount").GetInt32());

        var again = await client.DeleteAsync($"/api/documents/{id}/mappings/shapotou-2023/12");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task PageImage_OfATextFile_IsNotFound_WithAReason()
    {
        using var client = factory.CreateClient();
        var job = await Uploads.UploadAndWaitAsync(client, "说明.txt", "区司法局行政执法公示制度执行情况。", "区司法局");

        var response = await client.GetAsync($"/api/documents/{Uploads.DocumentIdOf(job)}/pages/1/image");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("只有 PDF 和图片可以预览", await response.Content.ReadAsStringAsync());
    }
}

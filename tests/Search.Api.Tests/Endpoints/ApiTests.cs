using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests.Endpoints;

public sealed class ApiTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Frameworks_ListAndIndicator()
    {
        using var client = factory.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/frameworks");
        var shapotou = list.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "shapotou-2023");
        Assert.Equal(100, shapotou.GetProperty("indicatorCount").GetInt32());

        var indicator = await client.GetFromJsonAsync<JsonElement>("/api/frameworks/shapotou-2023/indicators/12");
        Assert.Equal(["区司法局", "区市场监管分局"], indicator.GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task Framework_Unknown_Returns404Problem()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/frameworks/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nope", (await Json(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_Job_ThenSearchDocumentAndCoverage()
    {
        using var client = factory.CreateClient();

        var job = await Uploads.UploadAndWaitAsync(client, "权责清单调整.txt", "关于公布2023年权责清单动态调整结果的通知\n\n区委编办对各部门权责清单进行动态调整，并在门户网站公开。", "区委编办");
        var outcome = job.GetProperty("files")[0];
        Assert.Equal("ingested", outcome.GetProperty("outcome").GetString());
        var documentId = outcome.GetProperty("documentId").GetString();

        var results = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("权责清单") + "&framework=shapotou-2023");
        var hit = results.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("documentId").GetString() == documentId);
        Assert.Contains("<mark>", hit.GetProperty("snippet").GetString());
        Assert.Contains(hit.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("number").GetInt32() == 1);

        var document = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{documentId}");
        Assert.Equal("区委编办", document.GetProperty("department").GetString());

        var coverage = await client.GetFromJsonAsync<JsonElement>("/api/frameworks/shapotou-2023/coverage");
        var first = coverage.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("number").GetInt32() == 1);
        Assert.True(first.GetProperty("covered").GetBoolean());

        var decision = await client.PostAsJsonAsync($"/api/documents/{documentId}/mappings", new { framework = "shapotou-2023", number = 1, decision = "confirm" });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
    }

    [Fact]
    public async Task Search_UnclosedQuote_Returns400WithChineseMessage()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("\"行政复议"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Contains("引号未闭合", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("at Search.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Classify_Text_RanksIndicatorWithReasons_AndUnrelatedGetsNothing()
    {
        using var client = factory.CreateClient();

        var related = await Json(await client.PostAsJsonAsync("/api/classify?framework=shapotou-2023",
            new { title = "2023年公平竞争审查工作台账", text = "对涉及市场主体经济活动的政策措施开展公平竞争审查。" }));
        var unrelated = await Json(await client.PostAsJsonAsync("/api/classify?framework=shapotou-2023",
            new { title = "五一假期旅游接待情况", text = "全区共接待游客12万人次，景区秩序良好。" }));

        var best = related.GetProperty("indicators")[0];
        Assert.Equal(12, best.GetProperty("number").GetInt32());
        Assert.NotEmpty(best.GetProperty("reasons").EnumerateArray());
        Assert.Empty(unrelated.GetProperty("indicators").EnumerateArray());
    }

    [Fact]
    public async Task FrameworkImport_LocalAdmin_ReadsNoticeAndListsIt()
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("\t序号\n\t指标\n\t牵头单位\n\t责任单位\n\n\t1\n\t公布权责清单并动态调整。\n\t区委编办\n\t各部门\n\n\t2\n\t行政复议决定书公开。\n\t区司法局\n\t各部门\n")), "file", "test-2024.txt" },
            { new StringContent("测试指标体系"), "name" },
        };

        var response = await client.PostAsync("/api/frameworks", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var indicator = await client.GetFromJsonAsync<JsonElement>("/api/frameworks/test-2024/indicators/2");
        Assert.Equal("区司法局", indicator.GetProperty("leadUnits")[0].GetString());
    }

    [Fact]
    public async Task Upload_WithoutFile_Returns400Problem()
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("区司法局"), "department" } };

        var response = await client.PostAsync("/api/documents", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests.Endpoints;

/// <summary>A reviewer's word on one document for one material item, seen through the coverage JSON.</summary>
public sealed class ItemDecisionEndpointTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private const string Framework = "shapotou-2023";

    private static async Task<JsonElement> ItemAsync(HttpClient client, int number, int index)
    {
        var coverage = await client.GetFromJsonAsync<JsonElement>($"/api/frameworks/{Framework}/coverage");
        var indicator = coverage.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("number").GetInt32() == number);
        return indicator.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("index").GetInt32() == index);
    }

    private static IEnumerable<string?> Ids(JsonElement item, string property) => item.GetProperty(property).EnumerateArray().Select(e => e.GetString());

    [Fact]
    public async Task Decide_Confirm_MovesItemFromSuggestedToConfirmed()
    {
        using var client = factory.CreateClient();
        var job = await Uploads.UploadAndWaitAsync(client, "关于调整公平竞争审查工作部门联席会议成员的通知.txt",
            "沙坡头区人民政府办公室\n关于调整沙坡头区公平竞争审查工作部门联席会议成员的通知\n因人事变动，决定调整联席会议成员。\n2022年8月16日", "区市场监管分局");
        var id = Uploads.DocumentIdOf(job);
        var before = await ItemAsync(client, 12, 4);

        var response = await client.PostAsJsonAsync($"/api/frameworks/{Framework}/indicators/12/items/4/decisions", new { documentId = id, decision = "confirm", note = "已核对原件" });
        var after = await ItemAsync(client, 12, 4);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("suggested", before.GetProperty("status").GetString());
        Assert.Contains(id, Ids(before, "suggestedDocumentIds"));
        Assert.Equal("confirmed", after.GetProperty("status").GetString());
        Assert.Contains(id, Ids(after, "confirmedDocumentIds"));
        Assert.DoesNotContain(id, Ids(after, "suggestedDocumentIds"));
    }

    [Fact]
    public async Task Decide_Reject_RemovesDocumentFromItem()
    {
        using var client = factory.CreateClient();
        var job = await Uploads.UploadAndWaitAsync(client, "关于《沙坡头区政府采购管理办法》的公平竞争审查意见.txt",
            "关于《沙坡头区政府采购管理办法》的公平竞争审查意见\n经对《沙坡头区政府采购管理办法（送审稿）》进行公平竞争审查，逐项对照审查标准，未发现排除、限制竞争的内容，可以出台。\n沙坡头区公平竞争审查联席会议办公室\n2023年3月10日", "区市场监管分局");
        var id = Uploads.DocumentIdOf(job);
        var before = await ItemAsync(client, 12, 6);

        var response = await client.PostAsJsonAsync($"/api/frameworks/{Framework}/indicators/12/items/6/decisions", new { documentId = id, decision = "reject" });
        var after = await ItemAsync(client, 12, 6);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(id, Ids(before, "documentIds"));
        Assert.DoesNotContain(id, Ids(after, "documentIds"));
        Assert.DoesNotContain(id, Ids(after, "suggestedDocumentIds"));
    }

    [Theory]
    [InlineData(12, 99, null, "第 99 项材料")]
    [InlineData(12, 1, "0123456789abcdef", "没有编号为 0123456789abcdef 的文件")]
    [InlineData(999, 1, null, "没有指标 999")]
    public async Task Decide_UnknownItemOrDocument_Returns404ChineseProblem(int number, int item, string? documentId, string expected)
    {
        using var client = factory.CreateClient();
        var id = documentId ?? Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(client, $"通知{number}-{item}.txt", "关于加强法治宣传教育的通知\n2023年1月5日", "区司法局"));

        var response = await client.PostAsJsonAsync($"/api/frameworks/{Framework}/indicators/{number}/items/{item}/decisions", new { documentId = id, decision = "confirm" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_WithoutUnit_FlaggedInDocumentAndCoverage()
    {
        using var client = factory.CreateClient();
        var unfiled = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(client, "行政执法案卷评查情况.txt", "行政执法案卷评查情况。\n2023年6月1日", null));
        var filed = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(client, "法治宣传.txt", "法治宣传教育情况。\n2023年6月2日", "区司法局"));

        var document = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{unfiled}");
        var other = await client.GetFromJsonAsync<JsonElement>($"/api/documents/{filed}");
        var coverage = await client.GetFromJsonAsync<JsonElement>($"/api/frameworks/{Framework}/coverage");

        Assert.Equal("未填报送单位", document.GetProperty("departmentFlag").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("departmentFlag").ValueKind);
        var listed = coverage.GetProperty("unfiledDocuments").EnumerateArray().Select(d => d.GetProperty("documentId").GetString()).ToList();
        Assert.Contains(unfiled, listed);
        Assert.DoesNotContain(filed, listed);
    }

    private static Dictionary<string, string> ForItem(int number, int item) =>
        new() { ["framework"] = Framework, ["indicator"] = number.ToString(), ["item"] = item.ToString() };

    private static JsonElement EvidenceOf(JsonElement item, string id) =>
        item.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("documentId").GetString() == id);

    [Fact]
    public async Task Upload_ForAMaterialItem_FiledAsThatItem_SuggestedUntilAReviewerConfirms()
    {
        using var client = factory.CreateClient();
        // Nothing in the words says 卷宗: only the upload button it came through ties it to 指标29's item.
        var job = await Uploads.UploadAndWaitAsync(client, "2023年规范性文件归档.txt", "区司法局2023年制发文件的归档材料，共计十二份。\n2023年12月20日", "区司法局", ForItem(29, 1));
        var id = Uploads.DocumentIdOf(job);

        var item = await ItemAsync(client, 29, 1);

        Assert.Equal(29, job.GetProperty("forItem").GetProperty("number").GetInt32());
        Assert.Equal("2022年以来行政规范性文件卷宗。", job.GetProperty("forItem").GetProperty("text").GetString());
        Assert.True(item.GetProperty("satisfied").GetBoolean());
        Assert.Equal("suggested", item.GetProperty("status").GetString());
        var evidence = EvidenceOf(item, id);
        Assert.Equal("provide", evidence.GetProperty("decision").GetString());
        Assert.Contains("上传为本项材料", evidence.GetProperty("reason").GetString());
        var coverage = await client.GetFromJsonAsync<JsonElement>($"/api/frameworks/{Framework}/coverage");
        Assert.True(coverage.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("number").GetInt32() == 29).GetProperty("covered").GetBoolean());

        (await client.PostAsJsonAsync($"/api/frameworks/{Framework}/indicators/29/items/1/decisions", new { documentId = id, decision = "confirm" })).EnsureSuccessStatusCode();

        var confirmed = await ItemAsync(client, 29, 1);
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.Equal("confirm", EvidenceOf(confirmed, id).GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Upload_ForAnItem_NeverOverridesAReviewersRejection()
    {
        using var client = factory.CreateClient();
        const string text = "关于《沙坡头区菜市场管理办法》的公平竞争审查意见\n经公平竞争审查，未发现排除、限制竞争的内容。\n沙坡头区公平竞争审查联席会议办公室\n2023年5月10日";
        var id = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(client, "审查意见.txt", text, "区市场监管分局"));
        (await client.PostAsJsonAsync($"/api/frameworks/{Framework}/indicators/12/items/6/decisions", new { documentId = id, decision = "reject", note = "不是本项" })).EnsureSuccessStatusCode();

        var again = await Uploads.UploadAndWaitAsync(client, "审查意见（再传）.txt", text, "区市场监管分局", ForItem(12, 6));

        Assert.Equal("duplicate", again.GetProperty("files")[0].GetProperty("outcome").GetString());
        Assert.DoesNotContain(id, Ids(await ItemAsync(client, 12, 6), "documentIds"));
    }

    [Theory]
    [InlineData("shapotou-2023", "29", "99", HttpStatusCode.NotFound, "第 99 项材料")]
    [InlineData("shapotou-2023", "999", "1", HttpStatusCode.NotFound, "没有指标 999")]
    [InlineData("shapotou-2023", "29", "", HttpStatusCode.BadRequest, "同时给出 framework")]
    [InlineData("", "29", "1", HttpStatusCode.BadRequest, "同时给出 framework")]
    public async Task Upload_ForAnItemThatIsNotThere_RefusedBeforeAnythingIsStored(string framework, string indicator, string item, HttpStatusCode status, string expected)
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("卷宗目录")), "file", "卷宗.txt" },
            { new StringContent(framework), "framework" },
            { new StringContent(indicator), "indicator" },
            { new StringContent(item), "item" },
        };

        var response = await client.PostAsync("/api/documents", form);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Undo_ItemDecision_TheMatchersViewAppliesAgain_ASecondUndoIs404()
    {
        using var client = factory.CreateClient();
        var id = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(client, "法律顾问制度.txt", "沙坡头区政府法律顾问工作制度\n2023年2月1日", "区司法局"));
        (await client.PostAsJsonAsync($"/api/frameworks/{Framework}/indicators/34/items/2/decisions", new { documentId = id, decision = "confirm" })).EnsureSuccessStatusCode();
        Assert.Contains(id, Ids(await ItemAsync(client, 34, 2), "confirmedDocumentIds"));

        var undone = await client.DeleteAsync($"/api/frameworks/{Framework}/indicators/34/items/2/decisions/{id}?note={Uri.EscapeDataString("点错了")}");
        var again = await client.DeleteAsync($"/api/frameworks/{Framework}/indicators/34/items/2/decisions/{id}");

        Assert.Equal(HttpStatusCode.NoContent, undone.StatusCode);
        Assert.DoesNotContain(id, Ids(await ItemAsync(client, 34, 2), "confirmedDocumentIds"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("没有可撤销的决定", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Decide_UnknownDecision_Returns400ChineseProblem()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync($"/api/frameworks/{Framework}/indicators/12/items/1/decisions", new { documentId = "0123456789abcdef", decision = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("decision 只能是 confirm 或 reject", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}

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

    [Fact]
    public async Task Decide_UnknownDecision_Returns400ChineseProblem()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync($"/api/frameworks/{Framework}/indicators/12/items/1/decisions", new { documentId = "0123456789abcdef", decision = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("decision 只能是 confirm 或 reject", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Search.Api.Tests.Endpoints;

/// <summary>
/// Deleting over HTTP moves a file to the recycle bin; whoever could delete it restores it (a department only its own
/// unit's, refused in Chinese otherwise), an administrator purges it, and a binned file shows up nowhere else.
/// </summary>
public sealed class RecycleBinEndpointTests(SecuredApiFactory factory) : IClassFixture<SecuredApiFactory>
{
    private HttpClient Client(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<int> HitsAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/search?q={code}")).GetProperty("total").GetInt32();

    /// <summary>The index follows the store within its commit interval: waits until the search says what is expected.</summary>
    private static async Task ExpectHitsAsync(HttpClient client, string code, int expected)
    {
        for (var i = 0; i < 100 && await HitsAsync(client, code) != expected; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(expected, await HitsAsync(client, code));
    }

    private static async Task<List<string>> BinIdsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/recycle-bin")).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    [Fact]
    public async Task Department_DeletesItsFile_FindsItInTheBin_RestoresIt_FindableAgain()
    {
        using var department = Client(SecuredApiFactory.DepartmentKey);
        using var reviewer = Client(SecuredApiFactory.ReviewerKey);
        var id = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(department, "复议台账.txt", "区司法局行政复议案件台账，核验码 zqrbinone。", "区司法局"));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/documents/{id}/mappings", new { framework = "shapotou-2023", number = 71, decision = "add", note = "台账" })).StatusCode);
        await ExpectHitsAsync(department, "zqrbinone", 1);

        Assert.Equal(HttpStatusCode.NoContent, (await department.DeleteAsync($"/api/documents/{id}")).StatusCode);

        await ExpectHitsAsync(department, "zqrbinone", 0);
        var gone = await department.GetAsync($"/api/documents/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("在回收站中", await DetailAsync(gone));
        Assert.DoesNotContain((await department.GetFromJsonAsync<JsonElement>("/api/documents")).EnumerateArray(), d => d.GetProperty("id").GetString() == id);
        var bin = await department.GetFromJsonAsync<JsonElement>("/api/recycle-bin");
        Assert.Equal(30, bin.GetProperty("retentionDays").GetInt32());
        var entry = bin.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.Equal("司法局张某", entry.GetProperty("deletedBy").GetString());
        Assert.True(entry.GetProperty("mayRestore").GetBoolean());
        Assert.False(entry.GetProperty("mayPurge").GetBoolean());
        Assert.Equal(29, (entry.GetProperty("purgeAt").GetDateTimeOffset() - DateTimeOffset.UtcNow).Days);
        Assert.Contains(id, await BinIdsAsync(reviewer));

        var restored = await department.PostAsync($"/api/recycle-bin/{id}/restore", null);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(id, (await restored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        await ExpectHitsAsync(department, "zqrbinone", 1);
        Assert.DoesNotContain(id, await BinIdsAsync(department));
        var mappings = await reviewer.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/mappings");
        Assert.Contains(mappings.EnumerateArray(), m => m.GetProperty("number").GetInt32() == 71 && m.GetProperty("decision").GetString() == "add");
    }

    [Fact]
    public async Task Department_RestoringAnotherUnitsFile_Refused403InChinese()
    {
        using var department = Client(SecuredApiFactory.DepartmentKey);
        using var reviewer = Client(SecuredApiFactory.ReviewerKey);
        var id = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(reviewer, "经费批复.txt", "区财政局法治政府建设经费批复，核验码 zqrbintwo。", "区财政局"));
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.DeleteAsync($"/api/documents/{id}")).StatusCode);

        var refused = await department.PostAsync($"/api/recycle-bin/{id}/restore", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("只能恢复本单位（区司法局）上传的文件。", await DetailAsync(refused));
        Assert.DoesNotContain(id, await BinIdsAsync(department));
        Assert.Contains(id, await BinIdsAsync(reviewer));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/recycle-bin/{id}/restore", null)).StatusCode);
        await ExpectHitsAsync(reviewer, "zqrbintwo", 1);
    }

    [Fact]
    public async Task Purge_OnlyAnAdministrator_RemovesTheFileForGood()
    {
        using var reviewer = Client(SecuredApiFactory.ReviewerKey);
        using var admin = Client(SecuredApiFactory.AdminKey);
        var id = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(reviewer, "抽查公示.txt", "双随机一公开抽查结果公示，核验码 zqrbinthree。", "区市场监管分局"));
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.DeleteAsync($"/api/documents/{id}")).StatusCode);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/recycle-bin")).GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.True(listed.GetProperty("mayPurge").GetBoolean());

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.DeleteAsync($"/api/recycle-bin/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/recycle-bin/{id}")).StatusCode);

        Assert.DoesNotContain(id, await BinIdsAsync(admin));
        var restore = await admin.PostAsync($"/api/recycle-bin/{id}/restore", null);
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        Assert.Contains("回收站中没有编号为", await DetailAsync(restore));
        var gone = await admin.GetAsync($"/api/documents/{id}");
        Assert.Equal("没有编号为 " + id + " 的文件。", await DetailAsync(gone));
    }

    [Fact]
    public async Task Upload_ContentInTheBin_IngestedAgainNotRefusedAsDuplicate()
    {
        using var department = Client(SecuredApiFactory.DepartmentKey);
        const string text = "区司法局政府法律顾问工作台账，核验码 zqrbinfour。";
        var id = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(department, "法律顾问台账.txt", text, "区司法局"));
        Assert.Equal(HttpStatusCode.NoContent, (await department.DeleteAsync($"/api/documents/{id}")).StatusCode);

        var again = await Uploads.UploadAndWaitAsync(department, "法律顾问台账（2023）.txt", text, "区司法局");

        var file = again.GetProperty("files")[0];
        Assert.Equal("ingested", file.GetProperty("outcome").GetString());
        Assert.Contains("回收站", file.GetProperty("reason").GetString());
        Assert.DoesNotContain(id, await BinIdsAsync(department));
        await ExpectHitsAsync(department, "zqrbinfour", 1);
    }

    [Fact]
    public async Task BinnedFile_LeavesListsCountsAndCoverage()
    {
        using var reviewer = Client(SecuredApiFactory.ReviewerKey);
        var id = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(reviewer, "公平竞争审查台账.txt",
            "2023年公平竞争审查工作台账\n区市场监管分局对政策措施逐件开展公平竞争审查，核验码 zqrbinfive。", "区应急管理局"));
        var before = await reviewer.GetFromJsonAsync<JsonElement>("/api/overview?framework=shapotou-2023");

        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.DeleteAsync($"/api/documents/{id}")).StatusCode);

        var after = await reviewer.GetFromJsonAsync<JsonElement>("/api/overview?framework=shapotou-2023");
        Assert.Equal(before.GetProperty("documents").GetInt32() - 1, after.GetProperty("documents").GetInt32());
        Assert.DoesNotContain(after.GetProperty("recent").EnumerateArray(), d => d.GetProperty("id").GetString() == id);
        Assert.Equal(0, (await reviewer.GetFromJsonAsync<JsonElement>("/api/documents?department=" + Uri.EscapeDataString("区应急管理局"))).GetArrayLength());
        var coverage = await reviewer.GetFromJsonAsync<JsonElement>("/api/frameworks/shapotou-2023/coverage");
        Assert.DoesNotContain(id, coverage.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/documents/{id}/original")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/documents/{id}/mappings")).StatusCode);
    }
}

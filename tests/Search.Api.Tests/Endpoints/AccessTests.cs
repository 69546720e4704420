using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace Search.Api.Tests.Endpoints;

/// <summary>The host with users configured: keys, roles and refusals.</summary>
public sealed class SecuredApiFactory : SearchApiFactory
{
    public const string ReviewerKey = "reviewer-key-0123456789";
    public const string DepartmentKey = "department-key-0123456789";
    public const string AssessorKey = "assessor-key-0123456789";
    public const string AdminKey = "admin-key-0123456789abc";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var users = new[] { ("审核员甲", ReviewerKey, "reviewer", ""), ("司法局张某", DepartmentKey, "department", "区司法局"), ("评估员乙", AssessorKey, "assessor", ""), ("管理员丙", AdminKey, "admin", "") };
        for (var i = 0; i < users.Length; i++)
        {
            builder.UseSetting($"Search:Access:Users:{i}:Name", users[i].Item1);
            builder.UseSetting($"Search:Access:Users:{i}:Key", users[i].Item2);
            builder.UseSetting($"Search:Access:Users:{i}:Role", users[i].Item3);
            if (users[i].Item4.Length > 0)
            {
                builder.UseSetting($"Search:Access:Users:{i}:Unit", users[i].Item4);
            }
        }
    }
}

public sealed class AccessTests(SecuredApiFactory factory) : IClassFixture<SecuredApiFactory>
{
    private HttpClient Client(string? key)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    [Fact]
    public async Task NoKey_Refused401_ButHealthAnswers()
    {
        using var client = Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/frameworks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task WrongKey_Refused401()
    {
        using var client = Client("not-a-key-of-anyone-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/search?q=复议")).StatusCode);
    }

    [Fact]
    public async Task Assessor_Reads_ButCannotUploadOrDecide()
    {
        using var client = Client(SecuredApiFactory.AssessorKey);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("内容")), "file", "a.txt" } };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/frameworks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/documents", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/documents/x/mappings", new { framework = "shapotou-2023", number = 1, decision = "confirm" })).StatusCode);
    }

    [Fact]
    public async Task FrameworkImport_OnlyAdmin()
    {
        using var reviewer = Client(SecuredApiFactory.ReviewerKey);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("\t序号\n\t指标\n\t牵头单位\n\n\t1\n\t测试指标\n\t区司法局\n")), "file", "t.txt" } };

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync("/api/frameworks", form)).StatusCode);
    }

    [Fact]
    public async Task Department_UploadsForOwnUnit_CannotDecide()
    {
        using var client = Client(SecuredApiFactory.DepartmentKey);
        // The department field says 区财政局; a department user uploads for its own unit regardless.
        var documentId = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(client, "评查通报.txt", "区司法局2023年行政执法案卷评查通报。", "区财政局"));
        var document = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/documents/{documentId}");

        Assert.Equal("区司法局", document.GetProperty("department").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/documents/{documentId}/mappings", new { framework = "shapotou-2023", number = 50, decision = "confirm" })).StatusCode);
        using var reviewer = Client(SecuredApiFactory.ReviewerKey);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/documents/{documentId}/mappings", new { framework = "shapotou-2023", number = 50, decision = "confirm" })).StatusCode);
    }

    [Fact]
    public async Task Department_CannotDeleteAnotherUnitsFile()
    {
        using var reviewer = Client(SecuredApiFactory.ReviewerKey);
        var documentId = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(reviewer, "经费批复.txt", "区财政局法治政府建设工作经费预算批复。", "区财政局"));

        using var department = Client(SecuredApiFactory.DepartmentKey);
        var response = await department.DeleteAsync($"/api/documents/{documentId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.DeleteAsync($"/api/documents/{documentId}")).StatusCode);
    }

    [Fact]
    public async Task Department_DeletesItsOwnUnitsFile_AndOnlyThoseSayMayDelete()
    {
        using var department = Client(SecuredApiFactory.DepartmentKey);
        using var reviewer = Client(SecuredApiFactory.ReviewerKey);
        using var assessor = Client(SecuredApiFactory.AssessorKey);
        var own = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(department, "公示报告.txt", "区司法局行政执法公示制度执行情况报告。", "区司法局"));
        var other = Uploads.DocumentIdOf(await Uploads.UploadAndWaitAsync(reviewer, "预算批复.txt", "区财政局法治政府建设经费预算批复。", "区财政局"));

        async Task<bool> MayDelete(HttpClient client, string id) =>
            (await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/documents/{id}")).GetProperty("mayDelete").GetBoolean();

        Assert.True(await MayDelete(department, own));
        Assert.False(await MayDelete(department, other));
        Assert.True(await MayDelete(reviewer, other));
        Assert.False(await MayDelete(assessor, own));
        Assert.Equal(HttpStatusCode.NoContent, (await department.DeleteAsync($"/api/documents/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/api/documents/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.DeleteAsync($"/api/documents/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/documents/{other}")).StatusCode);
    }
}

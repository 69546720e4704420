using System.Net;
using System.Net.Http.Json;
using System.Text;
using Search.Api.Tests.Cli;

namespace Search.Api.Tests.Endpoints;

/// <summary>
/// With no users every local caller is an administrator: another site must not be able to act through the
/// reviewer's browser, and an id must never become a path outside the data directory.
/// </summary>
public sealed class LoopbackGuardTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private static MultipartFormDataContent Notice(string? id)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("\t序号\n\t指标\n\t牵头单位\n\n\t1\n\t测试指标\n\t区司法局\n")), "file", "notice.txt" } };
        if (id is not null)
        {
            form.Add(new StringContent(id), "id");
        }
        return form;
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "http://localhost:9999")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task CrossSitePost_Refused(string header, string value)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/frameworks") { Content = Notice("cross-site-import") };
        request.Headers.Add(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("其他网站", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString());
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "frameworks", "cross-site-import.json")));
    }

    [Fact]
    public async Task SameOriginPost_Passes()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents/0123456789abcdef/mappings")
        {
            Content = JsonContent.Create(new { framework = "shapotou-2023", number = 1, decision = "confirm" }),
        };
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await client.SendAsync(request);

        // Through the guard: the document does not exist.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ForeignHostName_Refused()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/frameworks");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("../escaped")]
    [InlineData("..")]
    [InlineData("/tmp/absolute-framework")]
    [InlineData("a/b")]
    [InlineData("..\\escaped")]
    [InlineData(".hidden")]
    public async Task FrameworkImport_IdThatIsAPath_Refused400(string id)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/frameworks", Notice(id));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString());
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "escaped.json")));
        Assert.False(File.Exists("/tmp/absolute-framework.json"));
    }

    [Fact]
    public async Task FrameworkImport_CommandLineIdThatIsAPath_Refused()
    {
        var data = Path.Combine(Path.GetTempPath(), "search-cli-ids-" + Guid.NewGuid().ToString("N"));
        var notice = Path.Combine(Path.GetTempPath(), "notice-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(notice, "\t序号\n\t指标\n\t牵头单位\n\n\t1\n\t测试指标\n\t区司法局\n");
        try
        {
            var (code, _, error) = await CliRunner.RunAsync("frameworks", "import", notice, "--id", "../escaped", "--data", data);

            Assert.Equal(Search.Cli.ExitCodes.InvalidInput, code);
            Assert.Contains("id", error);
            Assert.False(File.Exists(Path.Combine(data, "escaped.json")));
        }
        finally
        {
            File.Delete(notice);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}

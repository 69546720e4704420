using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Search.Api.Tests.Cli;
using Search.Core.Tests.WebChecks;

namespace Search.Api.Tests.WebChecks;

/// <summary>The web host with the test server's loopback address on the allowlist.</summary>
public sealed class WebCheckApiFactory : SearchApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:WebChecks:AllowHosts", "127.0.0.1");
        builder.UseSetting("Search:WebChecks:TimeoutSeconds", "3");
    }
}

public sealed class WebCheckEndpointsTests : IClassFixture<WebCheckApiFactory>, IDisposable
{
    private readonly WebCheckApiFactory _factory;
    private readonly LocalWebServer _server = new();

    public WebCheckEndpointsTests(WebCheckApiFactory factory) => _factory = factory;

    private async Task<JsonElement> RunAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/web-checks", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        var location = response.Headers.Location!.ToString();
        for (var i = 0; i < 600; i++)
        {
            run = await client.GetFromJsonAsync<JsonElement>(location);
            if (run.GetProperty("status").GetString() is "done" or "failed")
            {
                return run;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"run {location} did not finish: {run}");
    }

    [Fact]
    public async Task Start_Addresses_ReportWithOutcomesScreenshotAndWorkbook()
    {
        using var client = _factory.CreateClient();

        var run = await RunAsync(client, new { urls = new[] { _server.Url("/ok"), _server.Url("/gone"), _server.Url("/to-internal") }, expect = new[] { "权责清单" } });

        Assert.Equal("done", run.GetProperty("status").GetString());
        Assert.Equal(3, run.GetProperty("done").GetInt32());
        var checks = run.GetProperty("report").GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("url").GetString()!);
        Assert.Equal("refused", checks[_server.Url("/to-internal")].GetProperty("outcome").GetString());
        Assert.Equal("dead", checks[_server.Url("/gone")].GetProperty("outcome").GetString());
        var ok = checks[_server.Url("/ok")];
        Assert.Equal("ok", ok.GetProperty("outcome").GetString());
        Assert.Equal("2023-03-10", ok.GetProperty("publishedDate").GetString());

        // The picture the notices ask for (网址及截图), made by the headless browser from the fetched page.
        var files = ok.GetProperty("snapshotFiles").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.True(files.Contains("page.png"), "chromium is installed by .ci/run (apt-get install chromium); notes: " + ok.GetProperty("notes"));
        var checkId = ok.GetProperty("id").GetString();
        var png = await client.GetAsync($"/api/web-checks/results/{checkId}/page.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        var pdf = await client.GetByteArrayAsync($"/api/web-checks/results/{checkId}/page.pdf");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        var runs = await client.GetFromJsonAsync<JsonElement>("/api/web-checks");
        var listed = runs.EnumerateArray().Single(r => r.GetProperty("id").GetString() == run.GetProperty("id").GetString());
        Assert.Equal(1, listed.GetProperty("counts").GetProperty("ok").GetInt32());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("report").ValueKind);

        var workbook = await client.GetByteArrayAsync($"/api/web-checks/{run.GetProperty("id").GetString()}/report.xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var text = string.Join("|", document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>()).Select(t => t.Text));
        Assert.Contains("正常", text);
        Assert.Contains("拒绝访问", text);
        Assert.Contains(_server.Url("/gone"), text);
    }

    [Fact]
    public async Task Plan_Framework_ListsIndicatorsWithoutAddress()
    {
        using var client = _factory.CreateClient();

        var plan = await client.GetFromJsonAsync<JsonElement>("/api/web-checks/plan?framework=zaozhuang-2021");

        var missing = plan.GetProperty("unchecked").EnumerateArray().ToList();
        Assert.Contains(missing, u => u.GetProperty("indicator").GetInt32() == 97
            && u.GetProperty("expect").EnumerateArray().Any(e => e.GetString() == "法治政府建设"));
    }

    [Fact]
    public async Task Start_NothingToCheck_ProblemDetails()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/web-checks", new { expect = new[] { "权责清单" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("--url", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SnapshotFile_UnknownName_NotFound()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/api/web-checks/results/0123456789abcdef/..%2Fmetadata.db");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _server.Dispose();
}

public sealed class CheckWebCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "search-cli-web-" + Guid.NewGuid().ToString("N"));
    private readonly LocalWebServer _server = new();

    [Fact]
    public async Task CheckWeb_Json_HasTheStableShape()
    {
        var (code, output, error) = await CliRunner.RunAsync("check-web", "--url", _server.Url("/ok"), "--url", _server.Url("/missing"), "--expect", "权责清单",
            "--allow-host", "127.0.0.1", "--json", "--data", _data);

        Assert.True(code == 0, error);
        var checks = JsonDocument.Parse(output).RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("url").GetString()!);
        var ok = checks[_server.Url("/ok")];
        foreach (var field in new[] { "url", "indicator", "status", "finalUrl", "title", "keywordsFound", "keywordsMissing", "publishedDate", "outcome" })
        {
            Assert.True(ok.TryGetProperty(field, out _), field);
        }
        Assert.Equal(("ok", 200), (ok.GetProperty("outcome").GetString(), ok.GetProperty("status").GetInt32()));
        var missing = checks[_server.Url("/missing")];
        Assert.Equal("keyword-missing", missing.GetProperty("outcome").GetString());
        Assert.Equal("权责清单", missing.GetProperty("keywordsMissing")[0].GetString());
    }

    [Fact]
    public async Task CheckWeb_LoopbackWithoutAllowHost_Refused()
    {
        var (code, output, _) = await CliRunner.RunAsync("check-web", "--url", _server.Url("/ok"), "--json", "--data", _data);

        Assert.Equal(0, code);
        Assert.Equal("refused", JsonDocument.Parse(output).RootElement.GetProperty("checks")[0].GetProperty("outcome").GetString());
    }

    public void Dispose()
    {
        _server.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}

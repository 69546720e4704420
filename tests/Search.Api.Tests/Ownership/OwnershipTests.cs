using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Search.Api.Tests.Cli;
using Search.Cli;
using Search.Core.Storage;

namespace Search.Api.Tests.Ownership;

/// <summary>
/// One writer per data directory, seen from the outside: a command line that writes while the service runs goes
/// through it, one that reads searches the last commit, and anything else that would write is refused at once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OwnershipTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "search-owner-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _inputs = Path.Combine(Path.GetTempPath(), "search-owner-inputs-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _service;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_inputs);
        return Task.CompletedTask;
    }

    /// <summary>The real service on a free loopback port, as `serve` runs it.</summary>
    private async Task<HttpClient> StartServiceAsync(Dictionary<string, string?>? settings = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Search:DataDirectory"] = _data,
            ["Search:IngestCorpusOnFirstStart"] = "false",
            ["urls"] = "http://127.0.0.1:0",
        };
        foreach (var (k, v) in settings ?? [])
        {
            overrides[k] = v;
        }
        _service = SearchApi.Build([], overrides);
        await _service.StartAsync();
        var owner = DataDirectoryLock.ReadOwner(new DataPaths(_data))!;
        Assert.NotNull(owner.Url);
        return new HttpClient { BaseAddress = new Uri(owner.Url!) };
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_inputs, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Ingest_WhileServiceRuns_GoesThroughIt_FoundByServiceAndByReadingCommands()
    {
        using var http = await StartServiceAsync();
        Write("12-公平竞争审查/通知.txt", "关于开展公平竞争审查工作的通知\n\n区市场监管分局逐件审查政策措施，核验码 zqthroughservice。");

        var (code, output, error) = await CliRunner.RunAsync("ingest", _inputs, "--department", "区市场监管分局", "--data", _data);

        Assert.Equal(0, code);
        Assert.Contains("通过服务执行", error);
        Assert.Contains("共 1 个文件：1 个已入库", output);
        var results = await http.GetFromJsonAsync<JsonElement>("/api/search?q=zqthroughservice");
        var hit = Assert.Single(results.GetProperty("hits").EnumerateArray());
        Assert.Equal("区市场监管分局", hit.GetProperty("department").GetString());
        Assert.EndsWith("12-公平竞争审查/通知.txt", hit.GetProperty("fileName").GetString());

        // A reading command does not take the lock: it searches what the service committed.
        var (queryCode, json, _) = await CliRunner.RunAsync("query", "zqthroughservice", "--json", "--data", _data);
        Assert.Equal(0, queryCode);
        Assert.Equal(1, JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32());

        // A decision through the service is audited under the user who ran the command.
        var id = hit.GetProperty("documentId").GetString()!;
        var (decideCode, _, _) = await CliRunner.RunAsync("mapping", "add", id, "--framework", "shapotou-2023", "--indicator", "12", "--data", _data);
        Assert.Equal(0, decideCode);
        var mappings = await http.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/mappings");
        var added = mappings.EnumerateArray().Single(m => m.GetProperty("framework").GetString() == "shapotou-2023" && m.GetProperty("number").GetInt32() == 12);
        Assert.Equal("add", added.GetProperty("decision").GetString());
        Assert.Contains("本机命令行", added.GetProperty("decidedBy").GetString());
    }

    [Fact]
    public async Task Ingest_WithUsersConfigured_LocalCommandLineStillGoesThrough_OthersNeedAKey()
    {
        using var http = await StartServiceAsync(new()
        {
            ["Search:Access:Users:0:Name"] = "审核员",
            ["Search:Access:Users:0:Key"] = "reviewer-key-0123456789",
            ["Search:Access:Users:0:Role"] = "reviewer",
        });
        Write("a.txt", "权责清单动态调整情况，核验码 zqwithusers。");

        var (code, _, _) = await CliRunner.RunAsync("ingest", _inputs, "--data", _data);

        Assert.Equal(0, code);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/api/search?q=zqwithusers")).StatusCode);
        http.DefaultRequestHeaders.Add("X-Api-Key", "reviewer-key-0123456789");
        Assert.Equal(1, (await http.GetFromJsonAsync<JsonElement>("/api/search?q=zqwithusers")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Writers_WhileAnotherProcessOwnsWithoutAService_RefusedAtOnce_ReadersWork()
    {
        Write("a.txt", "行政执法案卷评查。");
        using var owner = DataDirectoryLock.Acquire(new DataPaths(_data), "ingest");

        var (code, _, error) = await CliRunner.RunAsync("ingest", _inputs, "--data", _data);
        var (serveCode, _, serveError) = await CliRunner.RunAsync("serve", "--data", _data, "--urls", "http://127.0.0.1:0");
        var (queryCode, _, _) = await CliRunner.RunAsync("query", "案卷评查", "--data", _data);

        Assert.Equal(ExitCodes.Busy, code);
        Assert.Contains($"进程号 {Environment.ProcessId}", error);
        Assert.Contains("同时只能有一个进程写入", error);
        Assert.Equal(ExitCodes.Busy, serveCode);
        Assert.Contains("ingest", serveError);
        Assert.Equal(0, queryCode);
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.StopAsync();
            await _service.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var dir in new[] { _data, _inputs })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Search.Core.Indexing;
using Search.Core.Search;
using Search.Core.Storage;
using Search.Core.Tests.Fixtures;
using Search.Core.WebChecks;

namespace Search.Core.Tests.WebChecks;

public sealed class WebCheckerTests : IDisposable
{
    private const string Annual = "每年3月1日前，市县各级政府向同级党委报告上一年度法治政府建设情况，并在4月1日前通过报刊、政府门户网站等向社会公开。";

    private readonly LocalWebServer _server = new();
    private readonly Services _services = new(new()
    {
        ["Search:WebChecks:AllowHosts"] = "127.0.0.1",
        ["Search:WebChecks:TimeoutSeconds"] = "2",
        ["Search:WebChecks:MaxBytes"] = (1024 * 1024).ToString(),
        ["Search:WebChecks:Screenshots"] = "false",
    });

    private Task<WebCheckResult> CheckAsync(string path, string[]? expect = null, DeadlineRule? deadline = null) =>
        _services.Get<WebChecker>().CheckAsync(new WebCheckTarget(_server.Url(path), null, null, null, null, expect ?? ["权责清单"], deadline, "command"), CancellationToken.None);

    [Fact]
    public async Task CheckAsync_GoodPage_OkWithSnapshotFiledAsEvidence()
    {
        var result = await CheckAsync("/ok");

        Assert.Equal(WebCheckOutcomes.Ok, result.Outcome);
        Assert.Equal(200, result.Status);
        Assert.Equal("沙坡头区政府部门权责清单", result.Title);
        Assert.Equal(["权责清单"], result.KeywordsFound);
        Assert.Empty(result.KeywordsMissing);
        Assert.Equal(new DateOnly(2023, 3, 10), result.PublishedDate);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(LocalWebServer.GoodPage))), result.Sha256);
        Assert.Contains("page.html", result.SnapshotFiles);
        Assert.Contains("page.txt", result.SnapshotFiles);
        Assert.Equal(["首次检查"], result.Changes);

        var document = _services.Get<DocumentRepository>().Get(result.DocumentId!);
        Assert.NotNull(document);
        Assert.Equal(WebChecker.SnapshotKind, document.Kind);
        Assert.Equal(_server.Url("/ok"), document.SourceUrl);
        var hits = _services.Get<IEvidenceIndex>().Search(new SearchRequest { Query = "权责清单 type:web-snapshot" });
        Assert.Contains(hits.Hits, h => h.DocumentId == result.DocumentId);
    }

    [Fact]
    public async Task CheckAsync_TwoPagesWithOneTitle_BothKeepTheirSnapshots()
    {
        // /ok and /new-list are two addresses of one site whose pages carry the same title.
        var first = await CheckAsync("/ok");
        var second = await CheckAsync("/new-list");

        Assert.Equal(first.Title, second.Title);
        Assert.NotEqual(first.DocumentId, second.DocumentId);
        var documents = _services.Get<DocumentRepository>();
        Assert.NotNull(documents.Get(first.DocumentId!));
        Assert.NotNull(documents.Get(second.DocumentId!));
        var snapshots = _services.Get<SnapshotStore>();
        Assert.Contains("page.txt", snapshots.FilesOf(first.Id));
        Assert.Contains("page.txt", snapshots.FilesOf(second.Id));
    }

    [Fact]
    public async Task CheckAsync_SameAddressAgain_SameFileReplaced()
    {
        var first = await CheckAsync("/ok");
        var again = await CheckAsync("/ok");

        Assert.Equal(first.DocumentId, again.DocumentId);
    }

    [Fact]
    public async Task CheckAsync_NotFound_Dead()
    {
        var result = await CheckAsync("/gone");

        Assert.Equal(WebCheckOutcomes.Dead, result.Outcome);
        Assert.Equal(404, result.Status);
        Assert.Contains("HTTP 404", result.Notes[0]);
        Assert.Null(result.DocumentId);
    }

    [Fact]
    public async Task CheckAsync_RedirectChain_MovedWithEveryHop()
    {
        var result = await CheckAsync("/r1");

        Assert.Equal(WebCheckOutcomes.Moved, result.Outcome);
        Assert.Equal(_server.Url("/new-list"), result.FinalUrl);
        Assert.Equal(2, result.Redirects.Count);
        Assert.Contains(result.Notes, n => n.Contains("已跳转"));
    }

    [Fact]
    public async Task CheckAsync_MetaRefreshPortal_FollowedLikeARedirect()
    {
        var result = await CheckAsync("/portal");

        Assert.Equal(WebCheckOutcomes.Moved, result.Outcome);
        Assert.Equal(_server.Url("/new-list"), result.FinalUrl);
        Assert.Equal(["meta-refresh " + _server.Url("/portal"), "302 " + _server.Url("/r2")], result.Redirects);
        Assert.Equal("沙坡头区政府部门权责清单", result.Title);
    }

    [Fact]
    public async Task CheckAsync_RedirectLoop_DeadAfterTheLimit()
    {
        var result = await CheckAsync("/loop");

        Assert.Equal(WebCheckOutcomes.Dead, result.Outcome);
        Assert.Contains("重定向超过", result.Notes[0]);
    }

    [Fact]
    public async Task CheckAsync_RedirectToInternalAddress_RefusedAtTheHop()
    {
        var result = await CheckAsync("/to-internal");

        Assert.Equal(WebCheckOutcomes.Refused, result.Outcome);
        Assert.Single(result.Redirects);
        Assert.Equal("http://169.254.169.254/latest/meta-data/", result.FinalUrl);
        Assert.Contains("169.254.169.254", result.Notes[0]);
    }

    [Fact]
    public async Task CheckAsync_SlowPage_DeadWithTimeout()
    {
        var result = await CheckAsync("/slow");

        Assert.Equal(WebCheckOutcomes.Dead, result.Outcome);
        Assert.Contains("超时", result.Notes[0]);
        Assert.True(result.ElapsedMs < 7000, $"gave up after {result.ElapsedMs} ms");
    }

    [Fact]
    public async Task CheckAsync_HugePage_ReadsOnlyTheLimit()
    {
        var result = await CheckAsync("/huge");

        Assert.Equal(WebCheckOutcomes.Ok, result.Outcome);
        Assert.Contains(result.Notes, n => n.Contains("只读取"));
        var html = Path.Combine(_services.Data.Path, "snapshots", result.Id, "page.html");
        Assert.Equal(1024 * 1024, new FileInfo(html).Length);
    }

    [Fact]
    public async Task CheckAsync_MissingKeyword_KeywordMissing()
    {
        var result = await CheckAsync("/missing");

        Assert.Equal(WebCheckOutcomes.KeywordMissing, result.Outcome);
        Assert.Equal(["权责清单"], result.KeywordsMissing);
    }

    [Fact]
    public async Task CheckAsync_ReportPublishedAfterDeadline_Late()
    {
        var rule = DeadlineRule.Find(Annual);

        var late = await CheckAsync("/late", ["法治政府建设年度报告"], rule);
        var onTime = await CheckAsync("/on-time", ["法治政府建设年度报告"], rule);

        Assert.Equal(WebCheckOutcomes.Late, late.Outcome);
        Assert.Equal(new DateOnly(2023, 5, 10), late.PublishedDate);
        Assert.Contains("2023-04-01", late.Deadline);
        Assert.Equal(WebCheckOutcomes.Ok, onTime.Outcome);
    }

    [Fact]
    public async Task CheckAsync_GbkPage_DecodedByDeclaredCharset()
    {
        var result = await CheckAsync("/gbk", ["行政许可事项清单"]);

        Assert.Equal(WebCheckOutcomes.Ok, result.Outcome);
        Assert.Equal("行政许可事项清单", result.Title);
        Assert.Equal(new DateOnly(2023, 4, 2), result.PublishedDate);
    }

    [Fact]
    public async Task CheckAsync_Recheck_SaysWhatChanged()
    {
        var service = _services.Get<WebCheckService>();
        var plan = service.Plan(null, null, [_server.Url("/changing")], ["权责清单"]);

        var first = await service.RunNowAsync(plan, "test", null, CancellationToken.None);
        var second = await service.RunNowAsync(plan, "test", null, CancellationToken.None);

        Assert.Equal(["首次检查"], first.Checks[0].Changes);
        Assert.Contains(second.Checks[0].Changes, c => c.Contains("标题由“权责清单（第1版）”变为“权责清单（第2版）”"));
        Assert.Contains(second.Checks[0].Changes, c => c.Contains("SHA-256"));
        Assert.NotEqual(first.Checks[0].DocumentId, second.Checks[0].DocumentId);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/list.txt")]
    [InlineData("file:///etc/passwd")]
    public async Task CheckAsync_OtherSchemes_Refused(string url)
    {
        var result = await _services.Get<WebChecker>().CheckAsync(new WebCheckTarget(url, null, null, null, null, [], null, "command"), CancellationToken.None);

        Assert.Equal(WebCheckOutcomes.Refused, result.Outcome);
        Assert.Contains("http 和 https", result.Notes[0]);
    }

    [Fact]
    public async Task CheckAsync_LoopbackWithoutAllowlist_Refused()
    {
        using var strict = new Services(new() { ["Search:WebChecks:Screenshots"] = "false" });

        var result = await strict.Get<WebChecker>().CheckAsync(new WebCheckTarget(_server.Url("/ok"), null, null, null, null, [], null, "command"), CancellationToken.None);

        Assert.Equal(WebCheckOutcomes.Refused, result.Outcome);
        Assert.Contains("内网或本机", result.Notes[0]);
        Assert.Null(result.Status);
    }

    [Fact]
    public async Task RunNowAsync_Run_RecordsProgressAndReport()
    {
        var service = _services.Get<WebCheckService>();
        var plan = service.Plan(null, null, [_server.Url("/ok"), _server.Url("/gone")], ["权责清单"]);

        var report = await service.RunNowAsync(plan, "test", null, CancellationToken.None);
        var run = service.GetRun(report.RunId);

        Assert.Equal("done", run.Status);
        Assert.Equal(2, run.Done);
        Assert.Equal(2, run.Report!.Checks.Count);
        Assert.Equal(1, report.Counts[WebCheckOutcomes.Ok]);
        Assert.Equal(1, report.Counts[WebCheckOutcomes.Dead]);
    }

    [Fact]
    public async Task DeleteDocument_FiledSnapshot_SnapshotFilesRemovedWithIt()
    {
        var service = _services.Get<WebCheckService>();
        var report = await service.RunNowAsync(service.Plan(null, null, [_server.Url("/ok")], ["权责清单"]), "test", null, CancellationToken.None);
        var check = Assert.Single(report.Checks);
        var folder = Path.Combine(_services.Get<DataPaths>().Snapshots, check.Id);
        Assert.True(File.Exists(Path.Combine(folder, "page.html")));

        await _services.Get<Core.Ingestion.IngestionPipeline>().DeleteAsync(check.DocumentId!, CancellationToken.None);

        Assert.False(Directory.Exists(folder));
        Assert.Null(_services.Get<DocumentRepository>().Get(check.DocumentId!));
    }

    [Fact]
    public async Task Worker_Restart_EndsRunsLeftUnfinishedWithAReason()
    {
        var repository = _services.Get<WebCheckRepository>();
        var left = repository.CreateRun("shapotou-2023", 3, "test");
        var worker = new WebCheckWorker(_services.Get<WebCheckService>(), repository, Microsoft.Extensions.Logging.Abstractions.NullLogger<WebCheckWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);

        var run = repository.GetRun(left.Id)!;
        Assert.Equal("failed", run.Status);
        Assert.Contains("重新发起检查", run.Error);
    }

    public void Dispose()
    {
        _services.Dispose();
        _server.Dispose();
    }
}

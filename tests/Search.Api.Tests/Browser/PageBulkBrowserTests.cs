using System.Text.Json;
using Microsoft.Playwright;

namespace Search.Api.Tests.Browser;

/// <summary>
/// Acting on several documents at once and deleting, in a real headless browser with users configured: a reviewer
/// confirms one indicator for a selection of hits, a department deletes its own files from the document view and
/// from 本单位待办 after a confirming dialog, and an assessor opens 网络检索 and runs a check.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PageBulkBrowserTests : IAsyncLifetime
{
    private const string ReviewerKey = "reviewer-key-for-page-bulk-0001";
    private const string DepartmentKey = "department-key-for-page-bulk-01";
    private const string AssessorKey = "assessor-key-for-page-bulk-0001";
    private BrowserHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BrowserHost.StartAsync("bulk", [new("审核员甲", ReviewerKey, "reviewer"), new("司法局乙", DepartmentKey, "department", "区司法局"), new("评估员丙", AssessorKey, "assessor")], new Dictionary<string, string?> { ["Search:WebChecks:AllowHosts"] = "127.0.0.1" });

    [Fact]
    public async Task Reviewer_ConfirmsOneIndicatorForSeveralHits_WithOneNoteAndAResultPerDocument()
    {
        var page = await _host.SignInAsync(ReviewerKey);
        await _host.UploadAsync(page, "区市场监管分局",
            ("公平竞争审查台账.txt", "2023年公平竞争审查工作台账\n\n区市场监管分局对涉及市场主体经济活动的政策措施逐件开展公平竞争审查，共审查文件31件。"),
            ("公平竞争审查报告.txt", "2023年公平竞争审查工作报告\n\n区市场监管分局落实公平竞争审查制度，对新出台的政策措施逐件开展公平竞争审查。"));

        await page.ClickAsync("nav [data-view=search]");
        await page.FillAsync("#q", "公平竞争审查");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync(".hit >> nth=1");
        Assert.Equal(2, await page.Locator(".hit input[type=checkbox]").CountAsync());

        // Real checkboxes, reached by their labels.
        foreach (var label in await page.Locator(".hit label.pick-label").AllAsync())
        {
            await label.ClickAsync();
        }
        Assert.Equal("已选 2 份", await page.InnerTextAsync("#bulk-count"));
        await page.FillAsync("#bulk-number", "12");
        await page.FillAsync("#bulk-note", "两份材料均为审查台账类");
        await page.ClickAsync("#bulk-confirm");
        await page.WaitForSelectorAsync("#bulk-results .bulk-summary:has-text('已确认指标12 2 份')");
        Assert.Equal("polite", await page.GetAttributeAsync("#bulk-results", "aria-live"));
        Assert.Equal(2, await page.Locator("#bulk-results li.yes").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_host.Shots, "bulk-confirm.png"), FullPage = true });

        foreach (var id in await page.Locator(".hit input[type=checkbox]").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.dataset.doc)"))
        {
            var mappings = await BrowserHost.FetchAsync(page, $"/api/documents/{id}/mappings");
            var twelve = mappings.EnumerateArray().Single(m => m.GetProperty("framework").GetString() == "shapotou-2023" && m.GetProperty("number").GetInt32() == 12);
            Assert.Equal("confirm", twelve.GetProperty("decision").GetString());
            Assert.Equal("两份材料均为审查台账类", twelve.GetProperty("note").GetString());
        }

        // An indicator the framework lacks fails for each document, and each line says why in Chinese.
        await page.FillAsync("#bulk-number", "999");
        await page.ClickAsync("#bulk-reject");
        await page.WaitForSelectorAsync("#bulk-results .bulk-summary:has-text('2 份失败')");
        Assert.Equal(2, await page.Locator("#bulk-results li.no").CountAsync());
        Assert.Contains("没有指标 999", await page.InnerTextAsync("#bulk-results li.no >> nth=0"));
    }

    [Fact]
    public async Task Department_DeletesItsOwnFiles_FromTheDocumentAndFromItsList_AfterADialog()
    {
        var reviewer = await _host.SignInAsync(ReviewerKey);
        await _host.UploadAsync(reviewer, "区财政局", ("经费批复.txt", "区财政局关于法治政府建设工作经费的预算批复。"));

        var page = await _host.SignInAsync(DepartmentKey);
        await _host.UploadAsync(page, "区司法局",
            ("执法公示报告.txt", "区司法局行政执法公示制度执行情况报告\n\n区司法局全面推行行政执法公示制度。"),
            ("案卷评查通报.txt", "区司法局2023年行政执法案卷评查情况通报。"),
            ("法律顾问台账.txt", "区司法局政府法律顾问工作台账。"));

        // Another unit's file offers no delete button.
        var others = await BrowserHost.FetchAsync(page, "/api/documents?department=" + Uri.EscapeDataString("区财政局"));
        await page.GotoAsync(_host.Address + "/#/doc/" + others[0].GetProperty("id").GetString());
        await page.WaitForSelectorAsync("#doc-title");
        Assert.Equal(0, await page.Locator("#delete-document").CountAsync());

        await page.ClickAsync("nav [data-view=todo]");
        await page.WaitForSelectorAsync("#own-files tr[data-doc] >> nth=2");
        Assert.Contains("本单位已上传的文件（3 份）", await page.InnerTextAsync("#own-files"));

        // From the document view: a real dialog in Chinese; cancelling keeps the file.
        await page.ClickAsync("#own-files a:has-text('执法公示')");
        await page.ClickAsync("#delete-document");
        var dialog = page.Locator("dialog[open]");
        await dialog.WaitForAsync();
        Assert.Contains("确定要删除“", await dialog.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_host.Shots, "delete-dialog.png") });
        await page.ClickAsync("#confirm-no");
        await page.WaitForSelectorAsync("#feedback:has-text('已取消删除')");
        await page.ClickAsync("#delete-document");
        await page.ClickAsync("dialog[open] #confirm-yes");
        await page.WaitForSelectorAsync("h2:has-text('文件已删除')");
        Assert.Contains("已删除“", await page.InnerTextAsync("#feedback"));

        // From 本单位待办: pick two, confirm, one result line each, and the list is read again.
        await page.ClickAsync("nav [data-view=todo]");
        await page.WaitForSelectorAsync("#own-files:has-text('（2 份）')");
        foreach (var label in await page.Locator("#own-files label.pick-label").AllAsync())
        {
            await label.ClickAsync();
        }
        await page.ClickAsync("#delete-selected");
        await page.ClickAsync("dialog[open] #confirm-yes");
        await page.WaitForSelectorAsync("#delete-results .bulk-summary:has-text('已删除 2 份')");
        Assert.Equal(2, await page.Locator("#delete-results li.yes").CountAsync());
        await page.WaitForSelectorAsync("#own-files:has-text('本单位还没有上传文件')");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_host.Shots, "todo-deleted.png"), FullPage = true });

        Assert.Equal(0, (await BrowserHost.FetchAsync(page, "/api/documents?department=" + Uri.EscapeDataString("区司法局"))).GetArrayLength());
        Assert.Equal(1, (await BrowserHost.FetchAsync(page, "/api/documents?department=" + Uri.EscapeDataString("区财政局"))).GetArrayLength());
    }

    [Fact]
    public async Task Assessor_SeesWhatWebChecksWouldCover_AndRunsACheckOfALocalPage()
    {
        using var site = new Search.Core.Tests.WebChecks.LocalWebServer();
        var page = await _host.SignInAsync(AssessorKey);
        Assert.True(await page.Locator("nav [data-view=upload]").IsHiddenAsync());

        await page.ClickAsync("nav [data-view=web]");
        await page.WaitForSelectorAsync("#web-plan:has-text('缺少网址')");
        Assert.Contains("还没有做过网络检索", await page.InnerTextAsync("#web-runs"));
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("#web-plan")));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_host.Shots, "web-empty-assessor.png"), FullPage = true });

        await page.FillAsync("#web-indicator", "1");
        await page.FillAsync("#web-urls", site.Url("/ok"));
        await page.ClickAsync("#web-form button");
        await page.WaitForSelectorAsync("#web-status:has-text('完成')", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var rows = await page.InnerTextAsync("#web-results");
        Assert.Contains("正常", rows);
        Assert.Contains("沙坡头区政府部门权责清单", rows);
        Assert.Contains("run=", page.Url);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}

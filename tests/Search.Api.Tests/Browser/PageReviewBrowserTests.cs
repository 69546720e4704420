using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Search.Api.Tests.Browser;

/// <summary>
/// The reviewer's, the department's and the assessor's flows in a real headless browser with users configured:
/// a search opens the document on the hit's page with the hit boxed on the page image, decisions give feedback and
/// can be undone, addresses survive Back and reload, the board has a legend and filters, and nothing shows in English.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PageReviewBrowserTests : IAsyncLifetime
{
    private const string ReviewerKey = "reviewer-key-for-page-review-01";
    private const string DepartmentKey = "department-key-for-page-review-1";
    private const string TwoPagePdf = "30-澧县人民政府办公室关于公开征集县人民政府2023.pdf";
    private BrowserHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BrowserHost.StartAsync("review", [new("审核员甲", ReviewerKey, "reviewer"), new("司法局乙", DepartmentKey, "department", "区司法局")]);

    private static async Task UploadAsync(IPage page, string department, params string[] files)
    {
        await page.ClickAsync("nav [data-view=upload]");
        await page.SetInputFilesAsync("#files", files);
        if (await page.GetAttributeAsync("#department", "readonly") is null)
        {
            await page.FillAsync("#department", department);
        }
        await page.ClickAsync("#upload-form button");
        await page.WaitForSelectorAsync("#upload-status:has-text('完成')", new PageWaitForSelectorOptions { Timeout = 60_000 });
    }

    /// <summary>A two-page PDF with a text layer from the repository's evaluation files.</summary>
    private static string PdfPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "corpus", "eval", "files", TwoPagePdf);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(TwoPagePdf);
    }

    private async Task<string[]> EvidenceAsync()
    {
        Directory.CreateDirectory(_host.Data);
        var text = Path.Combine(_host.Data, "公平竞争审查台账.txt");
        await File.WriteAllTextAsync(text, "2023年公平竞争审查工作台账\n\n区市场监管分局对涉及市场主体经济活动的政策措施逐件开展公平竞争审查，共审查文件31件。");
        return [text, PdfPath()];
    }

    [Fact]
    public async Task Reviewer_SearchOpensThePageWithTheHitBoxed_AndBackAndReloadKeepTheView()
    {
        var page = await _host.SignInAsync(ReviewerKey);
        await UploadAsync(page, "县政府办", await EvidenceAsync());
        Assert.Contains("已入库", await page.InnerTextAsync("#upload-results"));

        // The search lives in the address.
        await page.ClickAsync("nav [data-view=search]");
        await page.FillAsync("#q", "融媒体中心");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync(".hit");
        Assert.Contains("q=%E8%9E%8D", page.Url);
        Assert.Contains("第2页", await page.InnerTextAsync(".hit"));

        // The title opens the document on the hit's page, with the page image and the hit boxed on it.
        await page.ClickAsync(".hit h3 a");
        await page.WaitForSelectorAsync("#pageview img");
        await page.WaitForSelectorAsync("#highlight-note:has-text('已在页面上标出')");
        Assert.True(await page.Locator("#pageview .box").CountAsync() >= 1);
        Assert.Equal("第2页", await page.Locator("#page-nav-select option:checked").InnerTextAsync());
        Assert.Contains("融媒体中心", await page.InnerTextAsync("#page-text mark"));
        var box = await page.Locator("#pageview .box").First.BoundingBoxAsync();
        var image = await page.Locator("#pageview img").BoundingBoxAsync();
        Assert.True(box!.Y > image!.Y && box.Y + box.Height < image.Y + image.Height, "the box sits on the page image");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_host.Shots, "document-hit.png") });

        // Metadata is in Chinese.
        var meta = await page.InnerTextAsync("dl.metadata");
        Assert.Contains("类型", meta);
        Assert.Contains("PDF", meta);

        // The original opens inline (with the key, as a PDF), or downloads byte for byte.
        var headers = await page.EvaluateAsync<JsonElement>(
            "async () => { const id = location.hash.split('/')[2].split('?')[0]; const r = await fetch(`/api/documents/${id}/original?inline=true`, { headers: { 'X-Api-Key': localStorage.getItem('search-key') } }); return { type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition') }; }");
        Assert.Equal("application/pdf", headers.GetProperty("type").GetString());
        Assert.StartsWith("inline", headers.GetProperty("disposition").GetString());
        await page.ClickAsync("#open-original");
        await page.WaitForSelectorAsync("#original-frame iframe");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-original"));
        Assert.Equal(File.ReadAllBytes(PdfPath()), File.ReadAllBytes(await download.PathAsync()));

        // Page 1 by the pager; Back returns to page… the search, and reload keeps the document view.
        await page.ClickAsync("#page-nav button:has-text('上一页')");
        await page.WaitForSelectorAsync("#h-text:has-text('第1页')");
        Assert.Contains("page=1", page.Url);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#h-text:has-text('第1页')");
        await page.GoBackAsync();
        await page.WaitForSelectorAsync(".hit");
        Assert.Equal("融媒体中心", await page.InputValueAsync("#q"));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync(".hit");
        Assert.Contains("第2页", await page.InnerTextAsync(".hit"));
    }

    [Fact]
    public async Task Reviewer_ConfirmsRejectsAndUndoes_WithNotesAndFeedbackInChinese()
    {
        var page = await _host.SignInAsync(ReviewerKey);
        await UploadAsync(page, "区市场监管分局", await EvidenceAsync());
        await page.ClickAsync("nav [data-view=search]");
        await page.FillAsync("#q", "公平竞争审查");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync(".hit");
        // Facet labels come from the server: no "text" type.
        var facets = await page.InnerTextAsync("#facets");
        Assert.Contains("文本", facets);
        Assert.DoesNotContain("text", facets);
        await page.ClickAsync(".hit h3 a");
        var mapping = page.Locator(".mapping[data-n='12']");
        await mapping.WaitForAsync();
        Assert.Contains("自动匹配（待审核）", await mapping.InnerTextAsync());
        Assert.Equal(0, await page.Locator("#pageview").CountAsync());

        await page.FillAsync("#note-12", "台账内容与指标一致");
        await page.ClickAsync(".mapping[data-n='12'] button[data-d=confirm]");
        await page.WaitForSelectorAsync("#feedback:has-text('已确认：指标12')");
        var confirmed = await page.Locator(".mapping[data-n='12']").InnerTextAsync();
        Assert.Contains("已确认（审核员甲", confirmed);
        Assert.Contains("北京时间", confirmed);
        Assert.Contains("台账内容与指标一致", confirmed);
        Assert.DoesNotContain("confirm", confirmed);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_host.Shots, "document-confirmed.png") });

        await page.ClickAsync(".mapping[data-n='12'] button[data-undo]");
        await page.WaitForSelectorAsync("#feedback:has-text('已撤销决定')");
        Assert.Contains("自动匹配（待审核）", await page.Locator(".mapping[data-n='12']").InnerTextAsync());

        await page.ClickAsync(".mapping[data-n='12'] button[data-d=reject]");
        await page.WaitForSelectorAsync("#feedback:has-text('已否定：指标12')");
        Assert.Contains("已否定", await page.Locator(".mapping[data-n='12']").InnerTextAsync());

        await page.FillAsync("#add-number", "13");
        await page.ClickAsync("#add-form button");
        await page.WaitForSelectorAsync(".mapping[data-n='13']:has-text('已添加')");
        Assert.DoesNotMatch("\\b(confirm|reject|add|auto|local)\\b", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task Board_HasLegendFiltersAndWarnings_AndLandingShowsCountsAndDeadlines()
    {
        var page = await _host.SignInAsync(ReviewerKey);
        await UploadAsync(page, "区市场监管分局", await EvidenceAsync());

        await page.ClickAsync("nav [data-view=home]");
        await page.WaitForSelectorAsync("#h-deadlines");
        var home = await page.InnerTextAsync("main");
        Assert.Contains("1月31日前", home);
        Assert.Contains("3月1日前", home);
        Assert.Contains("4月1日前", home);
        Assert.Contains("公平竞争审查", home);
        Assert.Contains("待审核", home);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_host.Shots, "landing.png"), FullPage = true });

        await page.ClickAsync("nav [data-view=coverage]");
        await page.WaitForSelectorAsync("#legend");
        var legend = await page.InnerTextAsync("#legend");
        var counts = System.Text.RegularExpressions.Regex.Matches(legend, "：(\\d+) 项").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(4, counts.Count);
        Assert.Equal(100, counts.Sum());
        var suggested = counts[2];
        Assert.True(suggested >= 1);
        Assert.Equal("待确认", await page.InnerTextAsync(".tile[data-n='12'] small"));
        await page.SelectOptionAsync("#status-filter", "suggested");
        await page.WaitForSelectorAsync(".tile[data-n='12']");
        Assert.Equal(suggested, await page.Locator(".tile.suggested").CountAsync());
        Assert.Equal(suggested, await page.Locator(".tile").CountAsync());
        Assert.Contains("status=suggested", page.Url);
        await page.SelectOptionAsync("#status-filter", "");
        await page.SelectOptionAsync("#section-filter", "1");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.tile').length > 0 && document.querySelectorAll('.tile').length < 100");

        // Another framework: the board reloads, and a framework read with gaps says so.
        await page.SelectOptionAsync("#framework", "national-2019");
        await page.WaitForSelectorAsync("#framework-warning:not([hidden])");
        Assert.Contains("缺少指标序号", await page.InnerTextAsync("#framework-warning"));
        await page.WaitForSelectorAsync("#coverage-summary:has-text('national')", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached }).ContinueWith(_ => { });
        Assert.DoesNotContain("沙坡头", await page.InnerTextAsync("#coverage-summary"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_host.Shots, "coverage-national.png"), FullPage = true });
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#framework').value === 'shapotou-2023'");
        Assert.True(await page.Locator("#framework-warning").IsHiddenAsync());
    }

    [Fact]
    public async Task Department_SeesWhatItOwes_AndTheTabsWorkFromTheKeyboard_At1024Wide()
    {
        var page = await _host.SignInAsync(DepartmentKey, 1024, 768);
        await page.ClickAsync("nav [data-view=todo]");
        await page.WaitForSelectorAsync(".view-todo section.card");
        var todo = await page.InnerTextAsync("main");
        Assert.Contains("本单位待办（区司法局）", todo);
        Assert.Contains("上传材料", todo);

        var first = page.Locator(".view-todo section.card").First;
        var number = await first.GetAttributeAsync("data-n");
        var evidence = Path.Combine(_host.Data, "执法公示.txt");
        await File.WriteAllTextAsync(evidence, "区司法局行政执法公示制度执行情况报告\n\n区司法局全面推行行政执法公示制度，执法信息在政府网站公开。");
        await first.Locator("input[type=file]").First.SetInputFilesAsync(evidence);
        await first.Locator("[role=status]:has-text('完成')").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.NotNull(number);

        // Nothing is wider than the window.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_host.Shots, "todo-1024.png") });

        // Tabs are reached and opened from the keyboard.
        await page.FocusAsync("nav [data-view=todo]");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#q");
        Assert.Equal("true", await page.GetAttributeAsync("nav [data-view=search]", "aria-selected"));
        // A department may not decide: there are no decision buttons for it.
        Assert.Equal("部门", await page.EvaluateAsync<string>("async () => (await (await fetch('/api/session', { headers: { 'X-Api-Key': localStorage.getItem('search-key') } })).json()).roleLabel"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}

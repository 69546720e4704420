using Microsoft.Playwright;

namespace Search.Api.Tests.Browser;

/// <summary>
/// The page in a real headless browser (Debian chromium, installed by .ci/run) against the real host on
/// 127.0.0.1: upload a file, search a word from it, see the hit and its indicator, open the coverage board.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PageBrowserTests : IAsyncLifetime
{
    private BrowserHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BrowserHost.StartAsync("page", [], settings: new Dictionary<string, string?> { ["Search:WebChecks:AllowHosts"] = "127.0.0.1" });

    [Fact]
    public async Task Page_UploadSearchAndCoverage_Work()
    {
                var evidence = Path.Combine(_host.Data, "公平竞争审查台账.txt");
        await File.WriteAllTextAsync(evidence, "2023年公平竞争审查工作台账\n\n区市场监管分局对涉及市场主体经济活动的政策措施逐件开展公平竞争审查，共审查文件31件。");

        var page = await _host.NewPageAsync(1200, 900);
        await page.GotoAsync(_host.Address + "/");
        await page.WaitForSelectorAsync("#framework option[value='shapotou-2023']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        await page.ClickAsync("nav button[data-view=upload]");
        await page.SetInputFilesAsync("#files", evidence);
        await page.FillAsync("#department", "区市场监管分局");
        await page.ClickAsync("#upload-form button");
        await page.WaitForSelectorAsync("#upload-status:has-text('完成')");
        Assert.Contains("已入库", await page.InnerTextAsync("#upload-results"));

        await page.ClickAsync("nav button[data-view=search]");
        await page.FillAsync("#q", "公平竞争审查");
        await page.ClickAsync("#search-form button");
        var hit = page.Locator(".hit").First;
        await hit.WaitForAsync();
        Assert.Contains("公平竞争审查", await hit.Locator("mark").First.InnerTextAsync());
        Assert.Contains("指标12", await hit.InnerTextAsync());

        await page.ClickAsync("nav button[data-view=coverage]");
        await page.WaitForSelectorAsync(".tile[data-n='12'].suggested");
        await page.ClickAsync(".tile[data-n='12']");
        await page.WaitForSelectorAsync("#indicator:has-text('区市场监管分局')");
        // Without a model there is no draft button, and the panel says why instead.
        Assert.Equal(0, await page.Locator("#make-draft").CountAsync());
        Assert.Contains("未配置语言模型", await page.InnerTextAsync("#draft"));

        var shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "coverage.png"), FullPage = true });
    }

    [Fact]
    public async Task Page_WebCheck_ShowsOutcomesAndScreenshotLink()
    {
                using var site = new Search.Core.Tests.WebChecks.LocalWebServer();
        var page = await _host.NewPageAsync(1280, 720);
        await page.GotoAsync(_host.Address + "/");
        await page.WaitForSelectorAsync("#framework option[value='shapotou-2023']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        await page.ClickAsync("nav button[data-view=web]");
        await page.FillAsync("#web-indicator", "1");
        await page.FillAsync("#web-urls", $"{site.Url("/ok")} {site.Url("/gone")}");
        await page.ClickAsync("#web-form button");
        await page.WaitForSelectorAsync("#web-status:has-text('完成')", new PageWaitForSelectorOptions { Timeout = 60_000 });

        var rows = await page.InnerTextAsync("#web-results");
        Assert.Contains("正常", rows);
        Assert.Contains("无法访问", rows);
        Assert.Contains("沙坡头区政府部门权责清单", rows);
        var screenshot = await page.Locator("#web-results a:has-text('截图')").First.GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(_host.Address + screenshot);
        Assert.Equal("image/png", response.Headers["content-type"]);

        // The run is kept: after a reload it is listed and opens again.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#framework option[value='shapotou-2023']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.ClickAsync("nav button[data-view=web]");
        await page.ClickAsync("#web-runs [data-run]");
        await page.WaitForSelectorAsync("#web-results:has-text('沙坡头区政府部门权责清单')");
        Assert.Contains("无法访问", await page.InnerTextAsync("#web-results"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}

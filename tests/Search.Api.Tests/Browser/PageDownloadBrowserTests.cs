using System.Text;
using Microsoft.Playwright;

namespace Search.Api.Tests.Browser;

/// <summary>
/// With users configured, the page's downloads carry the key: a reviewer enters the key, uploads a file, opens it
/// and downloads the original and the coverage ledger in a real headless browser, byte for byte.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PageDownloadBrowserTests : IAsyncLifetime
{
    private const string ReviewerKey = "reviewer-key-for-downloads-0123";
    private BrowserHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BrowserHost.StartAsync("keys", [new("审核员甲", ReviewerKey, "reviewer")]);

    [Fact]
    public async Task Page_WithUsers_DownloadsCarryTheKey()
    {
                var text = "2023年行政执法案卷评查通报\n\n区司法局组织开展行政执法案卷评查，共评查案卷120卷。";
        var evidence = Path.Combine(_host.Data, "案卷评查通报.txt");
        Directory.CreateDirectory(_host.Data);
        await File.WriteAllTextAsync(evidence, text);

        var page = await _host.NewPageAsync(1280, 720);
        await page.GotoAsync(_host.Address + "/");
        await page.FillAsync("#key", ReviewerKey);
        await page.DispatchEventAsync("#key", "change");
        await page.WaitForSelectorAsync("#framework option[value='shapotou-2023']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        await page.ClickAsync("nav button[data-view=upload]");
        await page.SetInputFilesAsync("#files", evidence);
        await page.ClickAsync("#upload-form button");
        await page.WaitForSelectorAsync("#upload-status:has-text('完成')");
        await page.ClickAsync("nav button[data-view=search]");
        await page.FillAsync("#q", "案卷评查");
        await page.ClickAsync("#search-form button");
        await page.Locator(".hit h3 a").First.ClickAsync();

        var original = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-original"));
        Assert.Equal("案卷评查通报.txt", original.SuggestedFilename);
        Assert.Equal(text, await File.ReadAllTextAsync(await original.PathAsync(), Encoding.UTF8));

        await page.ClickAsync("nav button[data-view=coverage]");
        await page.WaitForSelectorAsync(".tile[data-n='12']");
        var ledger = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#ledger"));
        Assert.EndsWith(".xlsx", ledger.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await ledger.PathAsync());
        Assert.Equal("PK", Encoding.ASCII.GetString(bytes, 0, 2));

        // The same address without the key is refused: the page is what carried it.
        var plain = await page.APIRequest.GetAsync(_host.Address + "/api/frameworks/shapotou-2023/coverage.xlsx");
        Assert.Equal(401, plain.Status);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}

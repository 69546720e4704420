using System.Text.Json;
using Microsoft.Playwright;

namespace Search.Api.Tests.Browser;

/// <summary>
/// The recycle bin and material items in a real headless browser with users configured: a department deletes files
/// and restores them from 回收站, after which search finds them again; it uploads a file for one missing item from
/// 本单位待办 and the item shows as provided; a reviewer assigns a document to an item in the document view and
/// undoes it; and the board lists an item's confirmed and suggested evidence apart, with confirm, reject and undo.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PageBinAndItemsBrowserTests : IAsyncLifetime
{
    private const string ReviewerKey = "reviewer-key-for-page-items-001";
    private const string DepartmentKey = "department-key-for-page-items-1";
    private const string Framework = "shapotou-2023";
    private BrowserHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BrowserHost.StartAsync("items", [new("审核员甲", ReviewerKey, "reviewer"), new("司法局乙", DepartmentKey, "department", "区司法局")]);

    private async Task<int> SearchAsync(IPage page, string q)
    {
        await page.GotoAsync($"{_host.Address}/#/search?q={q}&framework={Framework}");
        await page.WaitForSelectorAsync($"#result-count");
        return await page.Locator(".hit").CountAsync();
    }

    private static async Task<JsonElement> ItemAsync(IPage page, int number, int index)
    {
        var coverage = await BrowserHost.FetchAsync(page, $"/api/frameworks/{Framework}/coverage");
        return coverage.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("number").GetInt32() == number)
            .GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("index").GetInt32() == index);
    }

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_host.Shots, name), FullPage = true });

    [Fact]
    public async Task Department_DeletesFiles_FindsThemInTheBin_RestoresThem_SearchFindsThemAgain()
    {
        var page = await _host.SignInAsync(DepartmentKey);
        await _host.UploadAsync(page, "区司法局",
            ("复议决定公开.txt", "区司法局行政复议决定书网上公开情况，核验码 zqpagebinalpha。"),
            ("案卷评查.txt", "区司法局行政执法案卷评查情况通报，核验码 zqpagebinbravo。"));
        Assert.Equal(1, await SearchAsync(page, "zqpagebinalpha"));

        // Deleted from the document view: it says where the file went, and undo brings it straight back.
        await page.ClickAsync(".hit h3 a");
        await page.WaitForSelectorAsync("#delete-document");
        var id = await page.EvaluateAsync<string>("() => location.hash.split('/')[2].split('?')[0]");
        await page.ClickAsync("#delete-document");
        Assert.Contains("回收站", await page.InnerTextAsync("dialog[open]"));
        await page.ClickAsync("dialog[open] #confirm-yes");
        await page.WaitForSelectorAsync("#feedback:has-text('已移入回收站')");
        await page.ClickAsync("#undo-delete");
        await page.WaitForSelectorAsync("#delete-document");
        Assert.Equal(1, await SearchAsync(page, "zqpagebinalpha"));

        await page.ClickAsync(".hit h3 a");
        await page.ClickAsync("#delete-document");
        await page.ClickAsync("dialog[open] #confirm-yes");
        await page.WaitForSelectorAsync("h2:has-text('文件已删除')");
        Assert.Equal(0, await SearchAsync(page, "zqpagebinalpha"));

        // The other one goes from 本单位待办's list, which points to the bin.
        await page.ClickAsync("nav [data-view=todo]");
        await page.WaitForSelectorAsync("#own-files:has-text('（1 份）')");
        await page.ClickAsync("#own-files label.pick-label");
        await page.ClickAsync("#delete-selected");
        await page.ClickAsync("dialog[open] #confirm-yes");
        await page.WaitForSelectorAsync("#delete-results .bulk-summary:has-text('已删除 1 份')");

        await page.ClickAsync("nav [data-view=bin]");
        await page.WaitForSelectorAsync("#bin-table tbody tr >> nth=1");
        Assert.Equal(2, await page.Locator("#bin-table tbody tr").CountAsync());
        var row = await page.InnerTextAsync($"#bin-table tr[data-doc='{id}']");
        Assert.Contains("复议决定公开", row);
        Assert.Contains("司法局乙", row);
        Assert.Contains("北京时间", row);
        Assert.Contains("保留 30 天", await page.InnerTextAsync("main"));
        Assert.Equal(0, await page.Locator("#purge-selected").CountAsync());
        await ShotAsync(page, "bin-two.png");

        foreach (var label in await page.Locator("#bin-table label.pick-label").AllAsync())
        {
            await label.ClickAsync();
        }
        Assert.Equal("已选 2 份", await page.InnerTextAsync("#bin-count"));
        await page.ClickAsync("#restore-selected");
        await page.WaitForSelectorAsync("#bin-results .bulk-summary:has-text('已恢复 2 份')");
        Assert.Equal(2, await page.Locator("#bin-results li.yes").CountAsync());
        Assert.Equal(1, await page.Locator($"#bin-results li.yes[data-doc='{id}'] a").CountAsync());
        await page.WaitForSelectorAsync("#bin-empty");
        await ShotAsync(page, "bin-restored.png");

        Assert.Equal(1, await SearchAsync(page, "zqpagebinalpha"));
        Assert.Equal(1, await SearchAsync(page, "zqpagebinbravo"));
    }

    [Fact]
    public async Task Department_UploadsForAMissingItemFromItsList_TheItemShowsAsProvided()
    {
        var page = await _host.SignInAsync(DepartmentKey);
        await page.ClickAsync("nav [data-view=todo]");
        var item = page.Locator("section.card[data-n='29'] li[data-item='1']");
        await item.WaitForAsync();
        Assert.Equal("missing", await item.GetAttributeAsync("data-status"));
        Assert.Contains("✘ 缺", await item.InnerTextAsync());
        var file = Path.Combine(_host.Data, "2023年文件归档.txt");
        await File.WriteAllTextAsync(file, "区司法局2023年制发文件的归档材料，共计十二份。\n2023年12月20日");

        await item.Locator("input[type=file]").SetInputFilesAsync(file);

        await page.WaitForSelectorAsync("section.card[data-n='29'] [role=status]:has-text('待审核确认')", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var provided = page.Locator("section.card[data-n='29'] li[data-item='1']");
        Assert.Equal("suggested", await provided.GetAttributeAsync("data-status"));
        Assert.Contains("✔ 待确认", await provided.InnerTextAsync());
        Assert.Contains("2023年文件归档", await provided.InnerTextAsync());
        Assert.Equal(0, await provided.Locator("input[type=file]").CountAsync());
        await page.Locator("section.card[data-n='29']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(_host.Shots, "todo-item-provided.png") });

        var evidence = (await ItemAsync(page, 29, 1)).GetProperty("evidence").EnumerateArray().Single();
        Assert.Equal("provide", evidence.GetProperty("decision").GetString());
        Assert.Contains("司法局乙", evidence.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Reviewer_AssignsADocumentToAnItemInTheDocumentView_WithANote_AndUndoes()
    {
        var page = await _host.SignInAsync(ReviewerKey);
        await _host.UploadAsync(page, "区司法局", ("顾问聘任.txt", "区司法局关于聘任2023年度政府法律顾问的通知，核验码 zqpageassign。"));
        Assert.Equal(1, await SearchAsync(page, "zqpageassign"));
        await page.ClickAsync(".hit h3 a");
        await page.WaitForSelectorAsync("#assign-form");

        // An item nothing in the words points to: only the reviewer's choice ties the document to it.
        Assert.Equal(0, await page.Locator("#item-list li[data-n='29']").CountAsync());
        await page.SelectOptionAsync("#assign-indicator", "29");
        await page.SelectOptionAsync("#assign-item", "1");
        Assert.Contains("卷宗", await page.Locator("#assign-item option:checked").InnerTextAsync());
        await page.FillAsync("#assign-note", "聘任通知即顾问制度文件");
        await page.ClickAsync("#assign-submit");

        await page.WaitForSelectorAsync("#items-feedback:has-text('已将本文件指定为指标29第1项材料')");
        var listed = page.Locator("#item-list li[data-n='29'][data-item='1']");
        Assert.Equal("confirmed", await listed.GetAttributeAsync("data-source"));
        Assert.Contains("已确认", await listed.InnerTextAsync());
        Assert.Contains("备注：聘任通知即顾问制度文件", await listed.InnerTextAsync());
        await ShotAsync(page, "doc-assigned.png");
        var id = await page.EvaluateAsync<string>("() => location.hash.split('/')[2].split('?')[0]");
        Assert.Contains(id, (await ItemAsync(page, 29, 1)).GetProperty("confirmedDocumentIds").EnumerateArray().Select(e => e.GetString()));

        await page.ClickAsync("#assign-undo");

        await page.WaitForSelectorAsync("#items-feedback:has-text('已撤销指定')");
        Assert.Equal(0, await page.Locator("#item-list li[data-n='29']").CountAsync());
        Assert.DoesNotContain(id, (await ItemAsync(page, 29, 1)).GetProperty("documentIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Reviewer_SeesConfirmedAndSuggestedApartOnTheBoard_ConfirmsRejectsAndUndoes()
    {
        var page = await _host.SignInAsync(ReviewerKey);
        await _host.UploadAsync(page, "区市场监管分局",
            ("关于调整公平竞争审查工作部门联席会议成员的通知.txt", "沙坡头区人民政府办公室\n关于调整沙坡头区公平竞争审查工作部门联席会议成员的通知\n因人事变动，决定调整联席会议成员。\n2022年8月16日"),
            ("关于《沙坡头区政府采购管理办法》的公平竞争审查意见.txt", "关于《沙坡头区政府采购管理办法》的公平竞争审查意见\n经对《沙坡头区政府采购管理办法（送审稿）》进行公平竞争审查，逐项对照审查标准，未发现排除、限制竞争的内容，可以出台。\n沙坡头区公平竞争审查联席会议办公室\n2023年3月10日"));

        await page.GotoAsync($"{_host.Address}/#/coverage?framework={Framework}&n=12");
        var four = page.Locator("#materials tr[data-item='4']");
        await four.Locator("[data-group='suggested'] li[data-doc]").WaitForAsync();
        Assert.Equal("✔ 待确认", (await four.Locator("td.item-state").InnerTextAsync()).Trim());
        Assert.Contains("已确认（0）", await four.InnerTextAsync());
        Assert.Contains("待确认（1）", await four.InnerTextAsync());

        await four.Locator("[data-group='suggested'] button[data-item-confirm]").ClickAsync();

        await page.WaitForSelectorAsync("#item-feedback:has-text('已确认')");
        four = page.Locator("#materials tr[data-item='4']");
        Assert.Equal(1, await four.Locator("[data-group='confirmed'] li[data-doc]").CountAsync());
        Assert.Equal(0, await four.Locator("[data-group='suggested'] li[data-doc]").CountAsync());
        Assert.Contains("✔ 已确认", await four.Locator("td.item-state").InnerTextAsync());
        Assert.Contains("已确认（1）", await four.InnerTextAsync());
        // A reviewer's word on one item confirms the indicator: its tile says so, in words, and the legend counts it.
        var tile = page.Locator("#board button.tile[data-n='12']");
        await page.WaitForSelectorAsync("#board button.tile[data-n='12'][data-state='partial']");
        Assert.Equal("12不全", (await tile.InnerTextAsync()).Replace("\n", "").Trim());
        Assert.Contains("已确认，材料不全：1 项", await page.Locator("#legend").InnerTextAsync());
        await ShotAsync(page, "board-item-confirmed.png");

        await page.ClickAsync("#item-undo");
        await page.WaitForSelectorAsync("#item-feedback:has-text('已撤销')");
        Assert.Equal(1, await page.Locator("#materials tr[data-item='4'] [data-group='suggested'] li[data-doc]").CountAsync());
        Assert.Equal("suggested", (await ItemAsync(page, 12, 4)).GetProperty("status").GetString());

        // Rejecting keeps the document off the item; the line says so and offers undo.
        var six = page.Locator("#materials tr[data-item='6']");
        var opinion = await six.Locator("[data-group='suggested'] li[data-doc]").First.GetAttributeAsync("data-doc");
        await six.Locator($"[data-group='suggested'] li[data-doc='{opinion}'] button[data-item-reject]").ClickAsync();
        await page.WaitForSelectorAsync("#item-feedback:has-text('已否定')");
        Assert.Equal(0, await page.Locator($"#materials tr[data-item='6'] li[data-doc='{opinion}']").CountAsync());
        Assert.DoesNotContain(opinion, (await ItemAsync(page, 12, 6)).GetProperty("documentIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, await page.Locator("#item-undo").CountAsync());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}

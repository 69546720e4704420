using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Search.Api.Tests.Browser;

/// <summary>
/// The service on 127.0.0.1 over a fresh data directory, with users configured, and a headless Chromium (Debian's,
/// installed by .ci/run) driven by Playwright: what every browser test of the page starts from.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    public sealed record User(string Name, string Key, string Role, string? Unit = null);

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private BrowserHost(string name) =>
        Data = Path.Combine(Path.GetTempPath(), $"search-browser-{name}-{Guid.NewGuid():N}");

    public string Address { get; private set; } = "";

    public string Data { get; }

    /// <summary>Screenshots are kept under the test output for a person to look at.</summary>
    public string Shots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserHost> StartAsync(string name, IReadOnlyList<User> users, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new BrowserHost(name);
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Search:DataDirectory"] = host.Data,
            ["Search:IngestCorpusOnFirstStart"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        for (var i = 0; i < users.Count; i++)
        {
            configuration[$"Search:Access:Users:{i}:Name"] = users[i].Name;
            configuration[$"Search:Access:Users:{i}:Key"] = users[i].Key;
            configuration[$"Search:Access:Users:{i}:Role"] = users[i].Role;
            if (users[i].Unit is { } unit)
            {
                configuration[$"Search:Access:Users:{i}:Unit"] = unit;
            }
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        host._app = SearchApi.Build([], configuration);
        await host._app.StartAsync();
        host.Address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Directory.CreateDirectory(host.Shots);
        Directory.CreateDirectory(host.Data);
        Assert.True(File.Exists(Chromium), "chromium is installed by .ci/run (apt-get install chromium)");
        host._playwright = await Playwright.CreateAsync();
        host._browser = await host._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // No calls home: the tests need no network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return host;
    }

    /// <summary>A new browser page of <paramref name="width"/>×<paramref name="height"/> that accepts downloads, not yet on any address.</summary>
    public Task<IPage> NewPageAsync(int width = 1366, int height = 768) =>
        _browser!.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true, ViewportSize = new ViewportSize { Width = width, Height = height } });

    /// <summary>A new page signed in with <paramref name="key"/>, once the frameworks have loaded.</summary>
    public async Task<IPage> SignInAsync(string key, int width = 1366, int height = 768)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(Address + "/");
        await page.FillAsync("#key", key);
        await page.PressAsync("#key", "Enter");
        await page.DispatchEventAsync("#key", "change");
        await page.WaitForSelectorAsync("#framework option[value='shapotou-2023']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Uploads text files through 上传材料 as <paramref name="department"/> (unless the key fixes the unit) and waits until done.</summary>
    public async Task UploadAsync(IPage page, string department, params (string Name, string Text)[] files)
    {
        var paths = new List<string>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(Data, name);
            await File.WriteAllTextAsync(path, text);
            paths.Add(path);
        }
        await page.ClickAsync("nav [data-view=upload]");
        await page.SetInputFilesAsync("#files", paths);
        if (await page.GetAttributeAsync("#department", "readonly") is null)
        {
            await page.FillAsync("#department", department);
        }
        await page.ClickAsync("#upload-form button");
        await page.WaitForSelectorAsync("#upload-status:has-text('完成')", new PageWaitForSelectorOptions { Timeout = 60_000 });
    }

    /// <summary>An API answer fetched from the page with the key it signed in with.</summary>
    public static Task<System.Text.Json.JsonElement> FetchAsync(IPage page, string path) =>
        page.EvaluateAsync<System.Text.Json.JsonElement>($"async () => (await fetch('{path}', {{ headers: {{ 'X-Api-Key': localStorage.getItem('search-key') }} }})).json()");

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

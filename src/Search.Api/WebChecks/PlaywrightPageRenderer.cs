using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Search.Core.WebChecks;

namespace Search.Api.WebChecks;

/// <summary>
/// Full-page screenshot and PDF print with the system's headless Chromium (Debian: chromium), driven by
/// Playwright. The page is rendered from the bytes the checker fetched, and every resource it asks for is fetched
/// by the checker (address rule, limits, redirects re-checked) and handed to the browser, which itself reaches
/// no network: its proxy points at a closed port.
/// </summary>
public sealed class PlaywrightPageRenderer(IOptions<WebCheckOptions> options, ILogger<PlaywrightPageRenderer> logger) : IPageRenderer, IAsyncDisposable
{
    private readonly WebCheckOptions _options = options.Value;
    private readonly SemaphoreSlim _start = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string? Unavailable => File.Exists(_options.ChromiumPath)
        ? null
        : $"未安装 chromium（{_options.ChromiumPath}；Debian: apt-get install chromium），未生成截图和 PDF";

    public async Task<IReadOnlyList<string>> RenderAsync(byte[] html, string? contentType, Uri address, Func<Uri, CancellationToken, Task<FetchedPage>> fetch,
        string caption, string pngPath, string pdfPath, CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync(cancellationToken);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "zh-CN",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var timeout = (float)TimeSpan.FromSeconds(_options.ScreenshotTimeoutSeconds).TotalMilliseconds;
        context.SetDefaultTimeout(timeout);
        var blocked = 0;
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (route.Request.IsNavigationRequest && route.Request.Frame.ParentFrame is null && url == address)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, BodyBytes = html, ContentType = contentType ?? "text/html" });
            }
            else if (url.Scheme is "http" or "https" && !route.Request.IsNavigationRequest
                && await fetch(url, cancellationToken) is { Status: >= 200 and < 300, Refusal: null, Error: null } resource)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = resource.Status, BodyBytes = resource.Body, ContentType = resource.ContentType });
            }
            else
            {
                Interlocked.Increment(ref blocked);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        using var registration = cancellationToken.Register(() => _ = page.CloseAsync());
        await page.GotoAsync(address.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
        await page.EvaluateAsync(StampScript, caption);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = pngPath, FullPage = true, Timeout = timeout });
        await page.PdfAsync(new PagePdfOptions { Path = pdfPath, Format = "A4", PrintBackground = true });
        logger.LogInformation("Rendered {Url} ({Blocked} requests blocked)", address, blocked);
        return blocked > 0 ? [$"截图时拦截了 {blocked} 个指向不允许地址或跳转的请求"] : [];
    }

    // The address, time and hash above the page, in the picture and the print alike.
    private const string StampScript = """
        caption => {
          const stamp = document.createElement("div");
          stamp.textContent = caption;
          stamp.setAttribute("style", "all:initial;display:block;box-sizing:border-box;width:100%;padding:6px 10px;background:#fff8d6;border-bottom:1px solid #c9b458;font:13px/1.5 'Noto Sans CJK SC',sans-serif;color:#000;word-break:break-all;");
          (document.body ?? document.documentElement).prepend(stamp);
        }
        """;

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true })
        {
            return _browser;
        }
        await _start.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                Proxy = new Proxy { Server = "http://127.0.0.1:9", Bypass = "<-loopback>" },
            });
            return _browser;
        }
        finally
        {
            _start.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}

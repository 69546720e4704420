using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Search.Core.WebChecks;

/// <summary>
/// Fetches one address under the limits: redirects followed by hand so that every hop passes the address rule,
/// at most <see cref="WebCheckOptions.MaxRedirects"/> of them, the body read up to the size limit, the whole
/// fetch bounded in time.
/// </summary>
public sealed partial class PageFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly AddressGuard _guard;
    private readonly WebCheckOptions _options;

    public PageFetcher(AddressGuard guard, IOptions<WebCheckOptions> options)
    {
        _guard = guard;
        _options = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = guard.ConnectAsync,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; EvidenceSearch-WebCheck/1.0)");
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.5));
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
    }

    public async Task<FetchedPage> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)));
        var redirects = new List<string>();
        var current = url;
        FetchedPage Result(int? status = null, string? error = null, string? refusal = null) => new()
        {
            RequestedUrl = url,
            FinalUrl = current,
            Status = status,
            Redirects = redirects,
            Error = error,
            Refusal = refusal,
            FetchedAt = started,
            ElapsedMilliseconds = clock.ElapsedMilliseconds,
        };

        try
        {
            while (true)
            {
                if (await _guard.RefusalAsync(current, deadline.Token) is { } refusal)
                {
                    return Result(refusal: refusal);
                }
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    redirects.Add($"{status} {current}");
                    if (redirects.Count > _options.MaxRedirects)
                    {
                        return Result(status, $"重定向超过 {_options.MaxRedirects} 次");
                    }
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                var (body, truncated) = await ReadLimitedAsync(response.Content, deadline.Token);
                if (status is >= 200 and < 300 && RefreshTarget(body, current) is { } refresh)
                {
                    // Portals often send the visitor on with <meta http-equiv="refresh">: a redirect like any other.
                    redirects.Add($"meta-refresh {current}");
                    if (redirects.Count > _options.MaxRedirects)
                    {
                        return Result(status, $"重定向超过 {_options.MaxRedirects} 次");
                    }
                    current = refresh;
                    continue;
                }
                return Result(status) with
                {
                    ContentType = response.Content.Headers.ContentType?.ToString(),
                    Body = body,
                    Truncated = truncated,
                };
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(error: $"超时：{_options.TimeoutSeconds} 秒内没有取完页面");
        }
        catch (HttpRequestException e) when (FindRefusal(e) is { } refused)
        {
            return Result(refusal: refused.Message);
        }
        catch (HttpRequestException e)
        {
            return Result(error: $"无法访问：{Reason(e)}");
        }
    }

    /// <summary>Why a fetch failed, in Chinese: the system's own message ("Name or service not known") is English and varies by platform.</summary>
    private static string Reason(HttpRequestException e) =>
        (e.InnerException as System.Net.Sockets.SocketException)?.SocketErrorCode switch
        {
            System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData or System.Net.Sockets.SocketError.TryAgain => "域名无法解析（找不到该网站）",
            System.Net.Sockets.SocketError.ConnectionRefused => "连接被拒绝（网站未在该端口提供服务）",
            System.Net.Sockets.SocketError.TimedOut => "连接超时",
            System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable => "网络不可达",
            System.Net.Sockets.SocketError.ConnectionReset => "连接被重置",
            _ => e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "域名无法解析（找不到该网站）",
                HttpRequestError.ConnectionError => "无法建立连接",
                HttpRequestError.SecureConnectionError => "安全连接（HTTPS 证书）失败",
                HttpRequestError.ResponseEnded => "服务器提前断开了连接",
                _ => "网络错误",
            },
        };

    /// <summary>The address an immediate (at most 5 s) meta refresh sends the page to, if any.</summary>
    public static Uri? RefreshTarget(byte[] body, Uri current)
    {
        var head = System.Text.Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, 8192));
        var match = MetaRefresh().Match(head);
        if (!match.Success || !double.TryParse(match.Groups["delay"].Value, System.Globalization.CultureInfo.InvariantCulture, out var delay) || delay > 5)
        {
            return null;
        }
        var target = System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value.Trim().Trim('\'', '"'));
        return target.Length > 0 && Uri.TryCreate(current, target, out var next) && next != current ? next : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<meta[^>]+http-equiv\s*=\s*[""']?refresh[""']?[^>]*content\s*=\s*[""']\s*(?<delay>\d+(?:\.\d+)?)\s*[;,]\s*url\s*=\s*(?<url>[^""'>]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MetaRefresh();

    private async Task<(byte[] Body, bool Truncated)> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }
            var room = _options.MaxBytes - buffer.Length;
            if (read > room)
            {
                buffer.Write(chunk, 0, (int)Math.Max(0, room));
                return (buffer.ToArray(), true);
            }
            buffer.Write(chunk, 0, read);
        }
    }

    private static AddressRefusedException? FindRefusal(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is AddressRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }

    public void Dispose() => _client.Dispose();
}

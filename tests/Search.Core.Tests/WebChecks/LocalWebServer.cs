using System.Net;
using System.Text;
using Search.Core.Tests.Fixtures;

namespace Search.Core.Tests.WebChecks;

/// <summary>
/// A small HTTP server on 127.0.0.1 that serves one page per outcome a web check must recognise:
/// a good page, 404, a redirect chain, a redirect to a refused address, a slow page, a huge page,
/// a late annual report, a page without the expected words, a GBK page and a page that changes.
/// </summary>
public sealed class LocalWebServer : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private int _changing;

    public LocalWebServer()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _server = new LoopbackHttpServer(ServeAsync);
    }

    public int Port => _server.Port;

    public string Url(string path) => _server.Url(path);

    public const string GoodPage = """
        <html><head><meta charset="utf-8"><title>沙坡头区政府部门权责清单</title>
        <meta name="PubDate" content="2023-03-10 09:30"></head>
        <body><h1>沙坡头区政府部门权责清单</h1><p>发布时间：2023-03-10</p><p>区司法局权责清单（2023年版），共 312 项行政职权。</p></body></html>
        """;

    private async Task ServeAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var response = context.Response;
        try
        {
            switch (context.Request.Url!.AbsolutePath)
            {
                case "/ok":
                    await WriteAsync(response, GoodPage);
                    break;
                case "/missing":
                    await WriteAsync(response, "<html><head><title>首页</title></head><body><p>欢迎访问沙坡头区人民政府网站</p><p>发布时间：2023-02-01</p></body></html>");
                    break;
                case "/gone":
                    response.StatusCode = 404;
                    await WriteAsync(response, "<html><body>页面不存在</body></html>");
                    break;
                case "/r1":
                    Redirect(response, "/r2");
                    break;
                case "/r2":
                    Redirect(response, Url("/new-list"));
                    break;
                case "/new-list":
                    await WriteAsync(response, GoodPage.Replace("2023-03-10", "2023-03-12"));
                    break;
                case "/portal":
                    await WriteAsync(response, "<html><head><meta http-equiv=\"refresh\" content=\"0; url=/r2\"><title>跳转中</title></head><body>正在跳转</body></html>");
                    break;
                case "/loop":
                    Redirect(response, "/loop");
                    break;
                case "/to-internal":
                    Redirect(response, "http://169.254.169.254/latest/meta-data/");
                    break;
                case "/slow":
                    await Task.Delay(TimeSpan.FromSeconds(8), stopping);
                    await WriteAsync(response, GoodPage);
                    break;
                case "/huge":
                    await WriteHugeAsync(response, stopping);
                    break;
                case "/late":
                    await WriteAsync(response, """
                        <html><head><title>沙坡头区2022年度法治政府建设年度报告</title></head>
                        <body><p>发布日期：2023年5月10日</p><p>2022年度法治政府建设情况报告。法治政府建设年度报告全文如下。</p></body></html>
                        """);
                    break;
                case "/on-time":
                    await WriteAsync(response, """
                        <html><head><title>沙坡头区2022年度法治政府建设年度报告</title></head>
                        <body><p>发布日期：2023年3月28日</p><p>法治政府建设年度报告全文如下。</p></body></html>
                        """);
                    break;
                case "/gbk":
                    response.ContentType = "text/html; charset=gbk";
                    var gbk = Encoding.GetEncoding("GBK").GetBytes("<html><head><title>行政许可事项清单</title></head><body><p>行政许可事项清单公布如下</p><p>发布日期：2023-04-02</p></body></html>");
                    response.ContentLength64 = gbk.Length;
                    await response.OutputStream.WriteAsync(gbk);
                    break;
                case "/changing":
                    var n = Interlocked.Increment(ref _changing);
                    await WriteAsync(response, $"<html><head><title>权责清单（第{n}版）</title></head><body><p>权责清单第{n}次更新</p></body></html>");
                    break;
                default:
                    response.StatusCode = 404;
                    break;
            }
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception)
            {
                // Already closed by the client.
            }
        }
    }

    private static void Redirect(HttpListenerResponse response, string location)
    {
        response.StatusCode = 302;
        response.RedirectLocation = location;
    }

    private static async Task WriteAsync(HttpListenerResponse response, string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        response.ContentType ??= "text/html; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    private static async Task WriteHugeAsync(HttpListenerResponse response, CancellationToken stopping)
    {
        response.ContentType = "text/html; charset=utf-8";
        response.SendChunked = true;
        var head = Encoding.UTF8.GetBytes("<html><head><title>权责清单（全文）</title></head><body><p>权责清单</p>");
        await response.OutputStream.WriteAsync(head);
        var filler = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
        for (var i = 0; i < 1024 && !stopping.IsCancellationRequested; i++)
        {
            await response.OutputStream.WriteAsync(filler); // 64 MB unless the client stops reading
        }
    }

    public void Dispose() => _server.Dispose();
}

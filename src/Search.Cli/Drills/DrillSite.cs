using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Search.Cli.Drills;

/// <summary>A small web site on 127.0.0.1 for drills: /page/N shows a published 权责清单, every other address answers 404.</summary>
public sealed class DrillSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DrillSite(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<DrillSite> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/page/{n:int}", (int n) => Results.Content($"""
            <html><head><meta charset="utf-8"><title>区政府部门权责清单（第{n}页）</title><meta name="PubDate" content="2023-03-10 09:30"></head>
            <body><h1>区政府部门权责清单</h1><p>发布时间：2023-03-10</p><p>区司法局权责清单（2023年版）第{n}页，共 312 项行政职权。</p></body></html>
            """, "text/html; charset=utf-8"));
        await app.StartAsync(cancellationToken);
        var site = new DrillSite(app)
        {
            BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/'),
        };
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Collections.Frozen;

namespace Search.Api.Endpoints;

/// <summary>
/// The web page reviewers, departments and assessors use, served by the same host: index.html at "/" and its
/// ES modules and style sheet under "/page/", embedded in the assembly. No build step: the files are what runs.
/// </summary>
public static class PageEndpoints
{
    private const string Prefix = "Search.Api.Page.";

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    /// <summary>Every page file by its path under Page/ ("app.js", "views/search.js"), read once.</summary>
    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(() =>
    {
        var assembly = typeof(PageEndpoints).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[Prefix.Length..].Replace('\\', '/'), n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return buffer.ToArray();
            });
    });

    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Serve("index.html")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/page/{**path}", (string path) => Serve(path)).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static IResult Serve(string path) =>
        Files.Value.TryGetValue(path, out var bytes) && Types.TryGetValue(Path.GetExtension(path), out var type)
            ? Results.Bytes(bytes, type)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到", detail: $"页面文件“{path}”不存在。");
}

namespace Search.Api.Endpoints;

/// <summary>The web page reviewers, departments and assessors use, served by the same host (one embedded HTML file).</summary>
public static class PageEndpoints
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream("Search.Api.Page.index.html")
            ?? throw new InvalidOperationException("The page resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Content(Page.Value, "text/html; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}

using Search.Api.Access;
using Search.Api.Endpoints;
using Search.Api.WebChecks;
using Search.Core;

namespace Search.Api;

/// <summary>Builds the web host; used by Program and by the CLI's `serve`.</summary>
public static class SearchApi
{
    public static WebApplication Build(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        builder.Services.AddSearchCore(builder.Configuration);
        builder.Services.AddBrowserRenderer();
        builder.Services.AddAccess(builder.Configuration);
        builder.RestrictToLoopbackWithoutUsers();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<SearchExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "法治政府建设示范创建佐证材料检索 API";
            document.Info.Description = "Evidence search for rule-of-law government assessments.";
            return Task.CompletedTask;
        }));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1L << 30);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 1L << 30);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });

        var app = builder.Build();
        // Own the data directory before anything else: a second service (or a writing command line) fails here, at once.
        _ = app.Services.GetRequiredService<Search.Core.Storage.DataDirectoryLock>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<LoopbackRequestGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        // One document; the handler would otherwise read another name from the query and answer it in plain text.
        app.MapOpenApi("/openapi/v1.json").RequireAuthorization(Roles.Read).AddEndpointFilter((context, next) =>
            context.Arguments.OfType<string>().Any(name => name != "v1")
                ? ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到", detail: "只有 /openapi/v1.json。"))
                : next(context));
        app.MapHealthEndpoints();
        app.MapPageEndpoints();
        app.MapDocumentEndpoints();
        app.MapRecycleBinEndpoints();
        app.MapSearchEndpoints();
        app.MapFrameworkEndpoints();
        app.MapMatchingEndpoints();
        app.MapWebCheckEndpoints();
        app.MapDraftEndpoints();
        app.MapIndexEndpoints();
        app.MapSessionEndpoints();
        app.MapOverviewEndpoints();
        return app;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Frameworks;

namespace Search.Api.Endpoints;

/// <summary>The indicator frameworks read from the notices.</summary>
public static class FrameworkEndpoints
{
    public static IEndpointRouteBuilder MapFrameworkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/frameworks").WithTags("frameworks").RequireAuthorization(Access.Roles.Read).RequireSafeIds(frameworks: ["id"]);
        group.MapGet("/", List).WithName("ListFrameworks");
        group.MapGet("/{id}", Get).WithName("GetFramework");
        group.MapGet("/{id}/indicators/{n:int}", GetIndicator).WithName("GetIndicator");
        group.MapGet("/{id}/report", GetReport).WithName("GetFrameworkReport");
        group.MapGet("/{id}/units/{unit}", GetUnit).WithName("GetUnitDuties");
        group.MapPost("/", ImportAsync).WithName("ImportFramework").DisableAntiforgery().RequireAuthorization(Access.Roles.Administer);
        return app;
    }

    public sealed record FrameworkSummary(string Id, string Name, int IndicatorCount, int SectionCount, bool Clean);

    /// <summary>Imports a notice (.txt/.docx/.pdf) or a corrected ledger (.json/.xlsx), then re-matches every document.</summary>
    private static async Task<Created<FrameworkSummary>> ImportAsync(HttpRequest request, FrameworkCatalog catalog, Search.Core.Matching.MappingService mappings,
        Search.Core.Storage.DataPaths paths, Search.Core.Storage.AuditLog audit, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormOrRefuseAsync("请以 multipart/form-data 上传指标体系文件（字段名 file，可选 id、name）。", cancellationToken);
        var file = form.Files.GetFile("file") ?? throw new Search.Core.Configuration.InvalidInputException("请在字段 file 中上传指标体系文件。");
        Directory.CreateDirectory(paths.Temp);
        var temp = Path.Combine(paths.Temp, Guid.NewGuid().ToString("N") + Path.GetExtension(Search.Core.Ingestion.IngestionService.SafeName(file.FileName)));
        try
        {
            await using (var stream = File.Create(temp))
            {
                await file.CopyToAsync(stream, cancellationToken);
            }
            var id = FrameworkIds.Require(form["id"].FirstOrDefault() is { Length: > 0 } given ? given : Path.GetFileNameWithoutExtension(file.FileName));
            var framework = catalog.Import(temp, id, form["name"].FirstOrDefault() is { Length: > 0 } name ? name : null);
            await mappings.RematchAllAsync(cancellationToken);
            audit.Record(request.HttpContext.User.Identity?.Name ?? "anonymous", "framework-import", framework.Id, $"{framework.IndicatorCount} indicators from {file.FileName}");
            return TypedResults.Created($"/api/frameworks/{framework.Id}", new FrameworkSummary(framework.Id, framework.Name, framework.IndicatorCount, framework.Sections.Count, framework.Report.IsClean));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static Ok<List<FrameworkSummary>> List(FrameworkCatalog catalog) =>
        TypedResults.Ok(catalog.All.Select(f => new FrameworkSummary(f.Id, f.Name, f.IndicatorCount, f.Sections.Count, f.Report.IsClean)).ToList());

    private static Ok<Framework> Get(string id, FrameworkCatalog catalog) => TypedResults.Ok(catalog.Get(id));

    private static Ok<Indicator> GetIndicator(string id, int n, FrameworkCatalog catalog) => TypedResults.Ok(catalog.GetIndicator(id, n));

    private static Ok<ParseReport> GetReport(string id, FrameworkCatalog catalog) => TypedResults.Ok(catalog.Get(id).Report);

    private static Ok<IReadOnlyList<UnitDuty>> GetUnit(string id, string unit, FrameworkCatalog catalog) => TypedResults.Ok(catalog.IndicatorsForUnit(id, unit));
}

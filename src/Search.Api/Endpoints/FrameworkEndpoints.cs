using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Frameworks;

namespace Search.Api.Endpoints;

/// <summary>The indicator frameworks read from the notices.</summary>
public static class FrameworkEndpoints
{
    public static IEndpointRouteBuilder MapFrameworkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/frameworks").WithTags("frameworks").RequireAuthorization(Access.Roles.Read);
        group.MapGet("/", List).WithName("ListFrameworks");
        group.MapGet("/{id}", Get).WithName("GetFramework");
        group.MapGet("/{id}/indicators/{n:int}", GetIndicator).WithName("GetIndicator");
        group.MapGet("/{id}/report", GetReport).WithName("GetFrameworkReport");
        group.MapGet("/{id}/units/{unit}", GetUnit).WithName("GetUnitDuties");
        return app;
    }

    public sealed record FrameworkSummary(string Id, string Name, int IndicatorCount, int SectionCount, bool Clean);

    private static Ok<List<FrameworkSummary>> List(FrameworkCatalog catalog) =>
        TypedResults.Ok(catalog.All.Select(f => new FrameworkSummary(f.Id, f.Name, f.IndicatorCount, f.Sections.Count, f.Report.IsClean)).ToList());

    private static Ok<Framework> Get(string id, FrameworkCatalog catalog) => TypedResults.Ok(catalog.Get(id));

    private static Ok<Indicator> GetIndicator(string id, int n, FrameworkCatalog catalog) => TypedResults.Ok(catalog.GetIndicator(id, n));

    private static Ok<ParseReport> GetReport(string id, FrameworkCatalog catalog) => TypedResults.Ok(catalog.Get(id).Report);

    private static Ok<IReadOnlyList<UnitDuty>> GetUnit(string id, string unit, FrameworkCatalog catalog) => TypedResults.Ok(catalog.IndicatorsForUnit(id, unit));
}

using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Configuration;
using Search.Core.WebChecks;

namespace Search.Api.Endpoints;

/// <summary>网络检索: plan the checks of a framework, run them as a background job, read the report, the workbook and the snapshots.</summary>
public static class WebCheckEndpoints
{
    public static IEndpointRouteBuilder MapWebCheckEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/web-checks").WithTags("web-checks").RequireAuthorization(Access.Roles.Read).RequireSafeIds(stored: ["runId", "checkId"]);
        group.MapGet("/plan", GetPlan).WithName("PlanWebChecks");
        // A check files its snapshot as evidence and links it to the indicator: the roles that may add evidence.
        // Assessors run the 网络检索 checks (that is their job), so every known caller may start one; each run is audited by name.
        group.MapPost("/", StartAsync).WithName("StartWebChecks");
        group.MapGet("/", ListRuns).WithName("ListWebCheckRuns");
        group.MapGet("/{runId}", GetRun).WithName("GetWebCheckRun");
        group.MapGet("/{runId}/report.xlsx", GetWorkbook).WithName("GetWebCheckWorkbook");
        group.MapGet("/results/{checkId}", GetResult).WithName("GetWebCheckResult");
        group.MapGet("/results/{checkId}/{file}", GetSnapshotFile).WithName("GetWebCheckSnapshotFile");
        return app;
    }

    /// <summary>What to check: a framework (all its indicators checked online, or one), extra addresses, the words expected.</summary>
    public sealed record WebCheckRequest(string? Framework, int? Indicator, IReadOnlyList<string>? Urls, IReadOnlyList<string>? Expect);

    private static Ok<WebCheckPlan> GetPlan(WebCheckService service, string framework, int? indicator) =>
        TypedResults.Ok(service.Plan(framework, indicator, [], []));

    private static async Task<Accepted<WebCheckRun>> StartAsync(WebCheckRequest? request, WebCheckService service, HttpContext http, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new InvalidInputException("请提交 JSON：{\"framework\":\"shapotou-2023\"}，或 {\"urls\":[\"https://…\"],\"expect\":[\"权责清单\"]}。");
        }
        var plan = service.Plan(request.Framework, request.Indicator, request.Urls ?? [], request.Expect ?? []);
        var run = await service.SubmitAsync(plan, http.User.Identity?.Name, cancellationToken);
        return TypedResults.Accepted($"/api/web-checks/{run.Id}", run);
    }

    private static Ok<IReadOnlyList<WebCheckRun>> ListRuns(WebCheckService service, string? framework, int? limit) =>
        TypedResults.Ok(service.RecentRuns(framework is null ? null : Search.Core.Frameworks.FrameworkIds.Require(framework), Math.Clamp(limit ?? 20, 1, 200)));

    private static Ok<WebCheckRun> GetRun(string runId, WebCheckService service) => TypedResults.Ok(service.GetRun(runId));

    private static FileContentHttpResult GetWorkbook(string runId, WebCheckService service)
    {
        var run = service.GetRun(runId);
        if (run.Report is null)
        {
            throw new InvalidInputException($"网络检索任务 {runId} 尚未完成（{run.Done}/{run.Total}），完成后才能下载报告。");
        }
        using var buffer = new MemoryStream();
        WebCheckLedgerWriter.Write(run.Report, buffer);
        return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"web-checks-{runId}.xlsx");
    }

    private static Ok<WebCheckResult> GetResult(string checkId, WebCheckService service) => TypedResults.Ok(service.GetResult(checkId));

    private static PhysicalFileHttpResult GetSnapshotFile(string checkId, string file, SnapshotStore snapshots) =>
        TypedResults.PhysicalFile(snapshots.FileFor(checkId, file), SnapshotStore.ContentTypes[file], file);
}

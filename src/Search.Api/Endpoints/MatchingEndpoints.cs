using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Configuration;
using Search.Core.Coverage;
using Search.Core.Ingestion;
using Search.Core.Matching;

namespace Search.Api.Endpoints;

/// <summary>Classification, coverage, and reviewer decisions on mappings.</summary>
public static class MatchingEndpoints
{
    public static IEndpointRouteBuilder MapMatchingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/classify", ClassifyAsync).WithTags("matching").WithName("Classify").DisableAntiforgery().RequireAuthorization(Access.Roles.Read);

        var coverage = app.MapGroup("/api/frameworks/{id}").WithTags("coverage").RequireAuthorization(Access.Roles.Read).RequireSafeIds(frameworks: ["id"]);
        coverage.MapGet("/coverage", GetCoverage).WithName("GetCoverage");
        coverage.MapGet("/coverage.xlsx", GetLedger).WithName("GetCoverageLedger");
        coverage.MapGet("/package.zip", GetPackage).WithName("GetEvidencePackage");
        coverage.MapPost("/indicators/{n:int}/items/{item:int}/decisions", DecideItem).WithName("DecideMaterialItem").RequireAuthorization(Access.Roles.Decide);
        coverage.MapDelete("/indicators/{n:int}/items/{item:int}/decisions/{documentId}", UndoItem).WithName("UndoMaterialItemDecision")
            .RequireAuthorization(Access.Roles.Decide).RequireSafeIds(stored: ["documentId"]);

        var mappings = app.MapGroup("/api/documents/{documentId}/mappings").WithTags("matching").RequireAuthorization(Access.Roles.Read).RequireSafeIds(stored: ["documentId"]);
        mappings.MapGet("/", GetMappings).WithName("GetMappings");
        mappings.MapPost("/", DecideAsync).WithName("DecideMapping").RequireAuthorization(Access.Roles.Decide);
        mappings.MapDelete("/{framework}/{number:int}", UndoAsync).WithName("UndoMappingDecision").RequireAuthorization(Access.Roles.Decide)
            .RequireSafeIds(frameworks: ["framework"]);
        return app;
    }

    public sealed record ClassifyTextRequest(string? Title, string? Text);

    public sealed record DecisionRequest(string Framework, int Number, string Decision, string? Note);

    public sealed record ItemDecisionRequest(string? DocumentId, string? Decision, string? Note);

    private static async Task<Ok<ClassificationService.Classification>> ClassifyAsync(HttpRequest request, ClassificationService classification, Search.Core.Storage.DataPaths paths,
        Search.Core.Llm.RerankedClassification reranked, string framework, int? top, bool? rerank, CancellationToken cancellationToken)
    {
        var k = Math.Clamp(top ?? 3, 1, 20);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormOrRefuseAsync("请在字段 file 中上传要判断的文件。", cancellationToken);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new InvalidInputException("请在字段 file 中上传要判断的文件。");
            var temp = Path.Combine(paths.Temp, "classify-" + Guid.NewGuid().ToString("N") + Path.GetExtension(IngestionService.SafeName(file.FileName)));
            Directory.CreateDirectory(paths.Temp);
            try
            {
                await using (var stream = File.Create(temp))
                {
                    await file.CopyToAsync(stream, cancellationToken);
                }
                return TypedResults.Ok(rerank == true
                    ? await reranked.ClassifyFileAsync(temp, file.FileName, framework, k, cancellationToken)
                    : await classification.ClassifyFileAsync(temp, file.FileName, framework, k, cancellationToken));
            }
            finally
            {
                File.Delete(temp);
            }
        }
        const string expected = "请上传文件（multipart 字段 file），或提交 JSON {\"title\":…, \"text\":…}。";
        var body = (request.HasJsonContentType() ? await request.ReadFromJsonAsync<ClassifyTextRequest>(cancellationToken) : null)
            ?? throw new InvalidInputException(expected);
        if (string.IsNullOrWhiteSpace(body.Title) && string.IsNullOrWhiteSpace(body.Text))
        {
            throw new InvalidInputException("标题和正文不能都为空。");
        }
        return TypedResults.Ok(rerank == true
            ? await reranked.ClassifyTextAsync(body.Title ?? "", body.Text ?? "", framework, k, cancellationToken)
            : classification.ClassifyText(body.Title ?? "", body.Text ?? "", framework, k));
    }

    private static Ok<CoverageReport> GetCoverage(string id, CoverageService coverage, string? unit) =>
        TypedResults.Ok(unit is null ? coverage.Build(id) : DepartmentView.Filter(coverage.Build(id), unit));

    private static FileContentHttpResult GetLedger(string id, CoverageService coverage, string? unit)
    {
        var report = unit is null ? coverage.Build(id) : DepartmentView.Filter(coverage.Build(id), unit);
        var temp = Path.GetTempFileName();
        try
        {
            CoverageLedgerWriter.Write(report, temp);
            return TypedResults.File(File.ReadAllBytes(temp), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{id}-coverage.xlsx");
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static FileContentHttpResult GetPackage(string id, CoverageService coverage, EvidencePackageWriter writer)
    {
        var temp = Path.GetTempFileName();
        try
        {
            File.Delete(temp);
            writer.Write(coverage.Build(id), temp);
            return TypedResults.File(File.ReadAllBytes(temp), "application/zip", $"{id}-evidence.zip");
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static Ok<IReadOnlyList<DocumentMapping>> GetMappings(string documentId, MappingService mappings) =>
        TypedResults.Ok(mappings.MappingsOf(documentId));

    /// <summary>Takes back a decision (the automatic match, if any, applies again); the note says why, for the audit log.</summary>
    private static async Task<NoContent> UndoAsync(string documentId, string framework, int number, string? note, HttpContext context, MappingService mappings, CancellationToken cancellationToken)
    {
        await mappings.UndoAsync(documentId, framework, number, context.User.Identity?.Name ?? "anonymous", note, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MappingDecision>> DecideAsync(string documentId, DecisionRequest body, HttpContext context, MappingService mappings, CancellationToken cancellationToken)
    {
        var kind = Enum.TryParse<DecisionKind>(body.Decision, ignoreCase: true, out var k) ? k
            : throw new InvalidInputException($"decision 只能是 confirm、reject 或 add，而不是“{body.Decision}”。");
        var user = context.User.Identity?.Name ?? "anonymous";
        return TypedResults.Ok(await mappings.DecideAsync(documentId, body.Framework, body.Number, kind, user, body.Note, cancellationToken));
    }

    /// <summary>Takes back the word on one document for one material item (a confirmation, a rejection, a unit's upload for it); the note goes to the audit log.</summary>
    private static NoContent UndoItem(string id, int n, int item, string documentId, string? note, HttpContext context, ItemDecisionService decisions)
    {
        decisions.Undo(documentId, id, n, item, context.User.Identity?.Name ?? "anonymous", note);
        return TypedResults.NoContent();
    }

    /// <summary>A reviewer's word on one document for one material item: confirm turns a suggested tick into a confirmed one, reject keeps the document off it.</summary>
    private static Ok<ItemDecision> DecideItem(string id, int n, int item, ItemDecisionRequest body, HttpContext context, ItemDecisionService decisions)
    {
        if (string.IsNullOrWhiteSpace(body.DocumentId))
        {
            throw new InvalidInputException("请在 documentId 中给出文件编号。");
        }
        var kind = body.Decision?.Trim().ToLowerInvariant() switch
        {
            "confirm" => DecisionKind.Confirm,
            "reject" => DecisionKind.Reject,
            _ => throw new InvalidInputException($"decision 只能是 confirm 或 reject，而不是“{body.Decision}”。"),
        };
        return TypedResults.Ok(decisions.Decide(body.DocumentId.Trim(), id, n, item, kind, context.User.Identity?.Name ?? "anonymous", body.Note));
    }
}

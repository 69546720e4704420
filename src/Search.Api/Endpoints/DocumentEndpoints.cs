using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Access;
using Search.Core.Configuration;
using Search.Core.Coverage;
using Search.Core.Extraction.Pages;
using Search.Core.Ingestion;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;
using Search.Core.Storage;

namespace Search.Api.Endpoints;

/// <summary>Uploads, ingestion jobs, stored documents.</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/documents").WithTags("documents").RequireAuthorization(Roles.Read).RequireSafeIds(stored: ["id"]);
        documents.MapPost("/", UploadAsync).WithName("UploadDocuments").DisableAntiforgery().RequireAuthorization(Roles.Upload);
        documents.MapGet("/", List).WithName("ListDocuments");
        documents.MapGet("/{id}", Get).WithName("GetDocument");
        documents.MapGet("/{id}/original", GetOriginal).WithName("GetOriginal");
        documents.MapGet("/{id}/pages/{page:int}/image", GetPageImageAsync).WithName("GetPageImage");
        documents.MapGet("/{id}/pages/{page:int}/highlights", GetHighlightsAsync).WithName("GetPageHighlights");
        documents.MapDelete("/{id}", DeleteAsync).WithName("DeleteDocument").RequireAuthorization(Roles.Upload);

        app.MapGet("/api/jobs/{id}", GetJob).WithTags("documents").WithName("GetJob").RequireAuthorization(Roles.Read).RequireSafeIds(stored: ["id"]);
        return app;
    }

    public sealed record DocumentSummary(string Id, string Title, string File, string? Department, string Kind, string Status, string? Reason,
        DateOnly? Date, string? DocNumber, int PageCount, DateTimeOffset UpdatedAt)
    {
        /// <summary>"未填报送单位" when the file was filed under no unit (none given, none guessed from its path).</summary>
        public string? DepartmentFlag => DepartmentFlagOf(Department);
    }

    public sealed record PassageView(int Ordinal, int Page, string? Location, string Text);

    public sealed record DocumentView(string Id, string Title, string File, string? Department, string Kind, string Status, string? Reason,
        DateOnly? Date, bool DateFromDocNumber, string? DocNumber, string? IssuingBody, string? SourceUrl, IReadOnlyList<string> Urls,
        IReadOnlyList<int> IndicatorHints, int PageCount, long Size, string Sha256, bool UsedOcr, IReadOnlyList<string> Warnings,
        IReadOnlyList<PassageView> Passages, string? QuarantinedAt, bool PageImages, string ContentType, bool MayDelete)
    {
        /// <summary>"未填报送单位" when the file was filed under no unit (none given, none guessed from its path).</summary>
        public string? DepartmentFlag => DepartmentFlagOf(Department);
    }

    private static string? DepartmentFlagOf(string? department) =>
        string.IsNullOrWhiteSpace(department) ? Search.Core.Coverage.UnfiledDocument.Label : null;

    /// <summary>
    /// Stores the files and queues their job. With framework, indicator and item in the form (the upload button beside a
    /// missing material item) what the files store is filed as that item, for a reviewer to confirm.
    /// </summary>
    private static async Task<Results<Accepted<IngestionJob>, ProblemHttpResult>> UploadAsync(HttpRequest request, IngestionService ingestion, ItemDecisionService items,
        AuditLog audit, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormOrRefuseAsync("请以 multipart/form-data 上传文件（字段名 file）。", cancellationToken);
        if (form.Files.Count == 0)
        {
            throw new InvalidInputException("请求中没有文件：请在字段 file 中上传一个或多个文件。");
        }
        var forItem = ItemTargetOf(form, items);
        var department = form["department"].FirstOrDefault() is { Length: > 0 } d ? d.Trim() : null;
        // A department uploads for its own unit only.
        if (request.HttpContext.User.IsInRole(Roles.Department))
        {
            department = request.HttpContext.User.FindFirst("unit")?.Value;
        }
        var user = request.HttpContext.User.Identity?.Name ?? "anonymous";
        var streams = new List<(string, Stream)>();
        try
        {
            foreach (var file in form.Files)
            {
                streams.Add((file.FileName, file.OpenReadStream()));
            }
            var job = await ingestion.SubmitUploadsAsync(streams, department, user, cancellationToken, forItem);
            foreach (var file in form.Files)
            {
                audit.Record(user, "upload", file.FileName, $"job {job.Id}, {file.Length} bytes, department {department ?? "-"}"
                    + (forItem is null ? "" : $", for {forItem.Framework}#{forItem.Number}.{forItem.Item}"));
            }
            return TypedResults.Accepted($"/api/jobs/{job.Id}", job);
        }
        finally
        {
            foreach (var (_, stream) in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>The material item named by the form's framework, indicator and item fields: all three or none.</summary>
    private static ItemTarget? ItemTargetOf(IFormCollection form, ItemDecisionService items)
    {
        string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        var (framework, indicator, item) = (Field("framework"), Field("indicator"), Field("item"));
        if (framework is null && indicator is null && item is null)
        {
            return null;
        }
        if (framework is null || !int.TryParse(indicator, out var number) || !int.TryParse(item, out var index))
        {
            throw new InvalidInputException("为材料项上传时，请同时给出 framework（指标体系）、indicator（指标序号）和 item（材料项序号，从 1 起）。");
        }
        Search.Core.Frameworks.FrameworkIds.Require(framework);
        return items.Check(framework, number, index);
    }

    private static Ok<IngestionJob> GetJob(string id, IngestionService ingestion) =>
        TypedResults.Ok(ingestion.GetJob(id) ?? throw new NotFoundException($"没有编号为 {id} 的入库任务。"));

    private static Ok<List<DocumentSummary>> List(DocumentRepository documents, string? status = null, string? department = null)
    {
        DocumentStatus? wanted = status is null ? null
            : Enum.TryParse<DocumentStatus>(status, ignoreCase: true, out var s) ? s
            : throw new InvalidInputException($"未知的状态“{status}”，可用：stored、extracted、indexed、failed、quarantined、expanded。");
        var list = documents.ListAll()
            .Where(d => wanted is null || d.Status == wanted)
            .Where(d => department is null || d.Department == department)
            .Select(Summary)
            .ToList();
        return TypedResults.Ok(list);
    }

    public static DocumentSummary Summary(DocumentRecord d) =>
        new(d.Id, d.Title ?? d.FileName, d.SourcePath, d.Department, d.Kind, d.Status.ToString().ToLowerInvariant(), d.Reason, d.Date, d.DocNumber, d.PageCount, d.UpdatedAt);

    private static async Task<Ok<DocumentView>> Get(string id, DocumentRepository documents, RecycleBin bin, HttpContext context, IAuthorizationService authorization)
    {
        var d = documents.Get(id) ?? throw NotFoundOrInBin(id, documents, bin);
        var passages = documents.GetPassages(id).Select(p => new PassageView(p.Ordinal, p.Page, p.Location, p.Text)).ToList();
        return TypedResults.Ok(new DocumentView(d.Id, d.Title ?? d.FileName, d.SourcePath, d.Department, d.Kind, d.Status.ToString().ToLowerInvariant(), d.Reason,
            d.Date, d.DateFromDocNumber, d.DocNumber, d.IssuingBody, d.SourceUrl, d.Urls, d.IndicatorHints, d.PageCount, d.Size, d.Sha256, d.UsedOcr, d.Warnings, passages,
            d.Status == DocumentStatus.Quarantined ? d.StoredPath : null, PageImageRenderer.CanRender(d), ContentTypeOf(d.FileName),
            (await authorization.AuthorizeAsync(context.User, Roles.Upload)).Succeeded && OwnUnitRefusal(context.User, d, "删除") is null));
    }

    /// <summary>A document the caller asked for by id is not there; the answer says so when it is in the recycle bin.</summary>
    private static NotFoundException NotFoundOrInBin(string id, DocumentRepository documents, RecycleBin bin) =>
        documents.GetDeleted(id) is { } deleted
            ? new NotFoundException($"文件“{deleted.Title ?? deleted.FileName}”已由{deleted.DeletedBy}删除，在回收站中，{bin.PurgeAt(deleted).ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日}前可以恢复。")
            : new NotFoundException($"没有编号为 {id} 的文件。");

    /// <summary>
    /// Why a department may not <paramref name="verb"/> this file (another unit's), or null; the one rule for deleting,
    /// restoring and the page's buttons. Reviewers and administrators act on every unit's files.
    /// </summary>
    internal static string? OwnUnitRefusal(System.Security.Claims.ClaimsPrincipal user, DocumentRecord document, string verb)
    {
        if (!user.IsInRole(Roles.Department))
        {
            return null;
        }
        var unit = user.FindFirst("unit")?.Value;
        return document.Department == unit ? null : $"只能{verb}本单位（{unit}）上传的文件。";
    }

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The media type browsers need to show a file inline; anything unknown is plain bytes.</summary>
    private static string ContentTypeOf(string fileName) =>
        ContentTypes.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";

    /// <summary>
    /// The stored original. With inline=true, a PDF or an image is sent with its own media type and
    /// "Content-Disposition: inline", so the browser shows it; everything else is always a download.
    /// </summary>
    private static IResult GetOriginal(string id, DocumentRepository documents, HttpContext context, bool? inline = null)
    {
        var d = documents.Get(id) ?? throw new NotFoundException($"没有编号为 {id} 的文件。");
        if (d.Status == DocumentStatus.Quarantined)
        {
            throw new ForbiddenException($"该文件含密级标识，已隔离（{d.StoredPath}），不提供下载。");
        }
        var type = ContentTypeOf(d.FileName);
        if (inline == true && (type == "application/pdf" || type.StartsWith("image/", StringComparison.Ordinal)))
        {
            context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = d.FileName }.ToString();
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.PhysicalFile(d.StoredPath, type);
        }
        return TypedResults.PhysicalFile(d.StoredPath, "application/octet-stream", d.FileName);
    }

    /// <summary>A page of a PDF or an image, as an image, rendered once and then served from the cache.</summary>
    private static async Task<PhysicalFileHttpResult> GetPageImageAsync(string id, int page, DocumentRepository documents, PageImageRenderer renderer, HttpContext context, CancellationToken cancellationToken)
    {
        var d = documents.Get(id) ?? throw new NotFoundException($"没有编号为 {id} 的文件。");
        var image = await renderer.RenderAsync(d, page, cancellationToken);
        context.Response.Headers.CacheControl = "private, max-age=86400";
        return TypedResults.PhysicalFile(image.Path, image.ContentType);
    }

    /// <summary>Boxes around the words on a page, as fractions of the page image, for highlighting the hit.</summary>
    private static async Task<Ok<IReadOnlyList<HighlightBox>>> GetHighlightsAsync(string id, int page, DocumentRepository documents, PageHighlighter highlighter, string[]? term, CancellationToken cancellationToken)
    {
        var d = documents.Get(id) ?? throw new NotFoundException($"没有编号为 {id} 的文件。");
        return TypedResults.Ok(await highlighter.FindAsync(d, page, (term ?? []).Where(t => t.Length <= 100).Take(20), cancellationToken));
    }

    /// <summary>Moves the document to the recycle bin (see <see cref="RecycleBinEndpoints"/> to restore it).</summary>
    private static async Task<NoContent> DeleteAsync(string id, HttpContext context, DocumentRepository documents, RecycleBin bin, CancellationToken cancellationToken)
    {
        var document = documents.Get(id) ?? throw NotFoundOrInBin(id, documents, bin);
        if (OwnUnitRefusal(context.User, document, "删除") is { } refusal)
        {
            throw new ForbiddenException(refusal);
        }
        await bin.MoveInAsync(id, context.User.Identity?.Name ?? "anonymous", cancellationToken);
        return TypedResults.NoContent();
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Access;
using Search.Core.Configuration;
using Search.Core.Ingestion;
using Search.Core.Storage;

namespace Search.Api.Endpoints;

/// <summary>
/// The recycle bin: what was deleted, restoring it (whoever could delete it: a department its own unit's files, reviewers
/// and administrators any) and purging it for good (administrators).
/// </summary>
public static class RecycleBinEndpoints
{
    public static IEndpointRouteBuilder MapRecycleBinEndpoints(this IEndpointRouteBuilder app)
    {
        var bin = app.MapGroup("/api/recycle-bin").WithTags("documents").RequireAuthorization(Roles.Upload).RequireSafeIds(stored: ["id"]);
        bin.MapGet("/", List).WithName("ListRecycleBin");
        bin.MapPost("/{id}/restore", RestoreAsync).WithName("RestoreDocument");
        bin.MapDelete("/{id}", PurgeAsync).WithName("PurgeDocument").RequireAuthorization(Roles.Administer);
        return app;
    }

    /// <summary>A deleted document: who deleted it when, when it will be purged, and what the caller may do with it.</summary>
    public sealed record BinEntry(string Id, string Title, string File, string? Department, string Kind, DateTimeOffset DeletedAt, string? DeletedBy,
        DateTimeOffset PurgeAt, bool MayRestore, bool MayPurge);

    public sealed record BinContents(int RetentionDays, IReadOnlyList<BinEntry> Entries);

    /// <summary>The bin as the caller may act on it: a department sees its own unit's files, everyone else all.</summary>
    private static Ok<BinContents> List(HttpContext context, RecycleBin bin)
    {
        var mayPurge = context.User.IsInRole(Roles.Admin);
        var entries = bin.List()
            .Where(d => DocumentEndpoints.OwnUnitRefusal(context.User, d, "恢复") is null)
            .Select(d => new BinEntry(d.Id, d.Title ?? d.FileName, d.SourcePath, d.Department, d.Kind, d.DeletedAt!.Value, d.DeletedBy, bin.PurgeAt(d), true, mayPurge))
            .ToList();
        return TypedResults.Ok(new BinContents((int)bin.Retention.TotalDays, entries));
    }

    /// <summary>Takes a file out of the bin: searchable again, with its decisions. Another unit's file: 403 for a department.</summary>
    private static async Task<Ok<DocumentEndpoints.DocumentSummary>> RestoreAsync(string id, HttpContext context, DocumentRepository documents, RecycleBin bin, CancellationToken cancellationToken)
    {
        var document = documents.GetDeleted(id) ?? throw new NotFoundException($"回收站中没有编号为 {id} 的文件。");
        if (DocumentEndpoints.OwnUnitRefusal(context.User, document, "恢复") is { } refusal)
        {
            throw new ForbiddenException(refusal);
        }
        return TypedResults.Ok(DocumentEndpoints.Summary(await bin.RestoreAsync(id, context.User.Identity?.Name ?? "anonymous", cancellationToken)));
    }

    /// <summary>永久删除: the original, passages and index entries go at once, not at the end of the retention period.</summary>
    private static async Task<NoContent> PurgeAsync(string id, HttpContext context, RecycleBin bin, CancellationToken cancellationToken)
    {
        await bin.PurgeAsync(id, context.User.Identity?.Name ?? "anonymous", cancellationToken);
        return TypedResults.NoContent();
    }
}

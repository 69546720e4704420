using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Access;
using Search.Core.Coverage;
using Search.Core.Frameworks;
using Search.Core.Matching;
using Search.Core.Storage;
using Search.Core.WebChecks;

namespace Search.Api.Endpoints;

/// <summary>The landing page's picture: how much evidence there is, how far each framework is covered, what awaits review, what is due next.</summary>
public static class OverviewEndpoints
{
    private const int Listed = 8;

    public static IEndpointRouteBuilder MapOverviewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/overview", GetOverview).WithTags("page").WithName("GetOverview").RequireAuthorization(Roles.Read).RequireSafeIds(frameworks: ["framework"]);
        app.MapGet("/api/frameworks/{id}/deadlines", GetDeadlines).WithTags("frameworks").WithName("GetDeadlines").RequireAuthorization(Roles.Read).RequireSafeIds(frameworks: ["id"]);
        return app;
    }

    /// <summary>Per framework: indicators with any evidence, and those with evidence a reviewer confirmed or added.</summary>
    public sealed record FrameworkProgress(string Id, string Name, int IndicatorCount, int Covered, int Confirmed, bool Clean, IReadOnlyList<int> MissingNumbers);

    /// <summary>A document whose automatic matches no reviewer has looked at yet.</summary>
    public sealed record AwaitingReview(string DocumentId, string Title, string? Department, IReadOnlyList<int> Numbers);

    public sealed record Overview(int Documents, int Searchable, int OcrDocuments, int OcrDocumentPages, int Failed, int Quarantined,
        IReadOnlyList<FrameworkProgress> Frameworks, IReadOnlyList<DocumentEndpoints.DocumentSummary> Recent,
        string? ReviewFramework, int AwaitingReviewCount, IReadOnlyList<AwaitingReview> ToReview);

    private static Ok<Overview> GetOverview(HttpContext context, DocumentRepository documents, FrameworkCatalog catalog, CoverageService coverage,
        MappingDecisionRepository decisions, Search.Core.Extraction.Ocr.OcrLayoutStore layouts, string? framework)
    {
        var all = documents.ListAll();
        var searchable = all.Where(d => d.Status is DocumentStatus.Extracted or DocumentStatus.Indexed).ToList();
        var progress = catalog.All.Select(f =>
        {
            var links = coverage.EvidenceLinks(f.Id);
            return new FrameworkProgress(f.Id, f.Name, f.IndicatorCount, links.Count(l => l.Value.Count > 0),
                links.Count(l => l.Value.Any(e => e.Source != "auto")), f.Report.IsClean, f.Report.MissingNumbers);
        }).ToList();

        // A department sees its own unit's uploads first; everyone else sees all of them.
        var unit = context.User.IsInRole(Roles.Department) ? context.User.FindFirst("unit")?.Value : null;
        var recent = all.Where(d => unit is null || d.Department == unit).OrderByDescending(d => d.UpdatedAt).Take(Listed).Select(DocumentEndpoints.Summary).ToList();

        var reviewFramework = framework is not null ? catalog.Get(framework).Id : catalog.All.FirstOrDefault()?.Id;
        var waiting = new List<AwaitingReview>();
        var waitingCount = 0;
        if (reviewFramework is not null)
        {
            var decided = decisions.ForFramework(reviewFramework).Select(d => (d.DocumentId, d.Number)).ToHashSet();
            var byId = searchable.Where(d => !catalog.IsFrameworkSource(d.Sha256)).ToDictionary(d => d.Id);
            foreach (var (id, matches) in decisions.AutoMatches(reviewFramework).Where(a => byId.ContainsKey(a.Key)).OrderByDescending(a => byId[a.Key].UpdatedAt))
            {
                var open = matches.Where(m => !decided.Contains((id, m.Number))).OrderByDescending(m => m.Score).Select(m => m.Number).ToList();
                waitingCount += open.Count;
                if (open.Count > 0 && waiting.Count < Listed)
                {
                    waiting.Add(new AwaitingReview(id, byId[id].Title ?? byId[id].FileName, byId[id].Department, open));
                }
            }
        }
        // Pages OCR actually read, not every page of a PDF of which OCR read one; older records count from their OCR layout.
        var ocrPages = searchable.Where(d => d.UsedOcr).Sum(d => d.OcrPages ?? layouts.PageCount(d.Id));
        return TypedResults.Ok(new Overview(all.Count, searchable.Count, searchable.Count(d => d.UsedOcr), ocrPages,
            all.Count(d => d.Status == DocumentStatus.Failed), all.Count(d => d.Status == DocumentStatus.Quarantined),
            progress, recent, reviewFramework, waitingCount, waiting));
    }

    private static Ok<IReadOnlyList<UpcomingDeadline>> GetDeadlines(string id, FrameworkCatalog catalog) =>
        TypedResults.Ok(DeadlineCalendar.For(catalog.Get(id), DateTimeOffset.UtcNow));
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Configuration;
using Search.Core.Frameworks;
using Search.Core.Indexing;
using Search.Core.Search;

namespace Search.Api.Endpoints;

/// <summary>Full-text search over the evidence.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/search").WithTags("search").RequireAuthorization(Access.Roles.Read).MapGet("/", Search).WithName("Search");
        return app;
    }

    private static async Task<Ok<SearchResults>> Search(IEvidenceIndex index, Search.Core.Llm.RerankedSearch reranked, Search.Core.Coverage.UnitResolver units, string? q, string? framework, int? indicator, string? department,
        string? type, int? year, string? from, string? to, int? page, int? size, string? sort, bool? rerank, CancellationToken cancellationToken)
    {
        var request = new SearchRequest
        {
            Query = q ?? "",
            Framework = framework is null ? null : FrameworkIds.Require(framework),
            Indicator = indicator,
            Department = department,
            FileType = type,
            Year = year,
            From = SearchRequest.ParseDate(from, "from"),
            To = SearchRequest.ParseDate(to, "to"),
            Page = Math.Max(1, page ?? 1),
            Size = Math.Clamp(size ?? 20, 1, 100),
            Sort = sort switch
            {
                null or "" or "relevance" => SearchSort.Relevance,
                "date" => SearchSort.Date,
                _ => throw new InvalidInputException($"sort 只能是 relevance 或 date，而不是“{sort}”。"),
            },
        };
        // A unit typed as people type it (市场监管, in department= or as department: in q) filters on the units it names; the answer says which.
        (request, var resolved) = units.Apply(request);
        var results = index.Search(request);
        results = rerank == true ? await reranked.RerankAsync(request.Query, results, cancellationToken) : results;
        return TypedResults.Ok(results with { ResolvedDepartment = resolved });
    }
}

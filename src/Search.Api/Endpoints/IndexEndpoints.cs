using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Indexing;

namespace Search.Api.Endpoints;

/// <summary>The state of the index against the metadata store: what is committed, pending, missing or extra.</summary>
public static class IndexEndpoints
{
    public static IEndpointRouteBuilder MapIndexEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/index/status", GetStatus).WithTags("index").WithName("GetIndexStatus").RequireAuthorization(Access.Roles.Read);
        return app;
    }

    public sealed record IndexStatus(IndexConsistencyReport Consistency, ProjectorStatus Projector, int Passages);

    private static Ok<IndexStatus> GetStatus(IndexConsistency consistency, IndexProjector projector, IEvidenceIndex index) =>
        TypedResults.Ok(new IndexStatus(consistency.Check(), projector.Status, index.PassageCount));
}

using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Llm;

namespace Search.Api.Endpoints;

/// <summary>Model-written drafts of an indicator's 情况说明: reviewers ask for one, everyone who reads sees the saved ones.</summary>
public static class DraftEndpoints
{
    public static IEndpointRouteBuilder MapDraftEndpoints(this IEndpointRouteBuilder app)
    {
        var indicator = app.MapGroup("/api/frameworks/{id}/indicators/{number:int}").WithTags("drafts").RequireAuthorization(Access.Roles.Read);
        indicator.MapPost("/draft", CreateAsync).WithName("CreateDraft").RequireAuthorization(Access.Roles.Decide);
        indicator.MapGet("/drafts", List).WithName("ListDrafts");
        return app;
    }

    private static async Task<Created<ExplanationDraft>> CreateAsync(string id, int number, HttpContext context, DraftService drafts, CancellationToken cancellationToken)
    {
        var user = context.User.Identity?.Name ?? "anonymous";
        var draft = await drafts.DraftAsync(id, number, user, cancellationToken);
        return TypedResults.Created($"/api/frameworks/{Uri.EscapeDataString(draft.Framework)}/indicators/{draft.Number}/drafts", draft);
    }

    private static Ok<IReadOnlyList<ExplanationDraft>> List(string id, int number, DraftService drafts) =>
        TypedResults.Ok(drafts.List(id, number));
}

using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Llm;

namespace Search.Api.Endpoints;

/// <summary>Model-written drafts of an indicator's 情况说明: reviewers ask for one, everyone who reads sees the saved ones.</summary>
public static class DraftEndpoints
{
    public static IEndpointRouteBuilder MapDraftEndpoints(this IEndpointRouteBuilder app)
    {
        var indicator = app.MapGroup("/api/frameworks/{id}/indicators/{number:int}").WithTags("drafts").RequireAuthorization(Access.Roles.Read)
            .RequireSafeIds(stored: ["draftId"], frameworks: ["id"]);
        indicator.MapPost("/draft", CreateAsync).WithName("CreateDraft").RequireAuthorization(Access.Roles.Decide);
        indicator.MapGet("/drafts", List).WithName("ListDrafts");
        indicator.MapPut("/drafts/{draftId}", Edit).WithName("EditDraft").RequireAuthorization(Access.Roles.Decide);
        return app;
    }

    private static async Task<Created<ExplanationDraft>> CreateAsync(string id, int number, HttpContext context, DraftService drafts, CancellationToken cancellationToken)
    {
        var user = context.User.Identity?.Name ?? "anonymous";
        var draft = await drafts.DraftAsync(id, number, user, cancellationToken);
        return TypedResults.Created($"/api/frameworks/{Uri.EscapeDataString(draft.Framework)}/indicators/{draft.Number}/drafts", draft);
    }

    /// <summary>A reviewer's version of the text; markers such as [1] keep pointing at the cited pages.</summary>
    public sealed record DraftEdit(string? Text);

    private static Ok<ExplanationDraft> Edit(string id, int number, string draftId, DraftEdit edit, HttpContext context, DraftService drafts) =>
        TypedResults.Ok(drafts.Edit(id, number, draftId, edit.Text ?? "", context.User.Identity?.Name ?? "anonymous"));

    private static Ok<IReadOnlyList<ExplanationDraft>> List(string id, int number, DraftService drafts) =>
        TypedResults.Ok(drafts.List(id, number));
}

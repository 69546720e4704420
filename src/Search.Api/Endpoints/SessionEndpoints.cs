using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Search.Api.Access;
using Search.Core.Llm;

namespace Search.Api.Endpoints;

/// <summary>What the page needs before it shows anything: who is calling, what they may do, and the words for every code.</summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/session", GetSession).WithTags("page").WithName("GetSession").RequireAuthorization(Roles.Read);
        app.MapGet("/api/labels", GetLabels).WithTags("page").WithName("GetLabels").RequireAuthorization(Roles.Read);
        return app;
    }

    /// <summary>The caller and what the page should offer them; <paramref name="Llm"/> says whether a model can draft.</summary>
    public sealed record Session(string Name, string Role, string RoleLabel, string? Unit, bool UsersConfigured, bool MayUpload, bool MayDecide, bool MayAdminister, bool Llm);

    public sealed record Labels(
        IReadOnlyDictionary<string, string> FileTypes,
        IReadOnlyDictionary<string, string> Decisions,
        IReadOnlyDictionary<string, string> DecisionActions,
        IReadOnlyDictionary<string, string> LinkSources,
        IReadOnlyDictionary<string, string> IngestOutcomes,
        IReadOnlyDictionary<string, string> WebOutcomes,
        IReadOnlyDictionary<string, string> DocumentStatuses,
        IReadOnlyDictionary<string, string> RunStatuses,
        IReadOnlyDictionary<string, string> Roles,
        IReadOnlyDictionary<string, string> Facets,
        IReadOnlyDictionary<string, string> ItemStatuses);

    /// <summary>What the caller may do is asked of the same policies the routes use, so the page offers exactly what will be allowed.</summary>
    private static async Task<Ok<Session>> GetSession(HttpContext context, IAuthorizationService authorization, IOptions<AccessOptions> access, IOptions<LlmOptions> llm)
    {
        var user = context.User;
        async Task<bool> May(string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? Roles.Assessor;
        return TypedResults.Ok(new Session(
            user.Identity?.Name ?? "",
            role,
            PageLabels.Roles[role],
            user.FindFirst("unit")?.Value,
            access.Value.Users.Count > 0,
            await May(Roles.Upload),
            await May(Roles.Decide),
            await May(Roles.Administer),
            llm.Value.IsConfigured));
    }

    private static Ok<Labels> GetLabels() => TypedResults.Ok(new Labels(
        PageLabels.FileTypes, PageLabels.Decisions, PageLabels.DecisionActions, PageLabels.LinkSources, PageLabels.IngestOutcomes,
        PageLabels.WebOutcomes, PageLabels.DocumentStatuses, PageLabels.RunStatuses, PageLabels.Roles, PageLabels.Facets, PageLabels.ItemStatuses));
}

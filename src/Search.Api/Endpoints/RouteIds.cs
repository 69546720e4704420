using System.Text.RegularExpressions;
using Search.Core.Configuration;
using Search.Core.Frameworks;

namespace Search.Api.Endpoints;

/// <summary>
/// Checks the ids in a route before any handler sees them: stored ids (documents, jobs, runs, checks, drafts) are
/// lowercase hex, framework ids follow <see cref="FrameworkIds"/>. Anything else, a path, "..", a NUL or ten
/// thousand characters, is answered 400 with the reason, whatever the handler would have done with it.
/// </summary>
public static partial class RouteIds
{
    [GeneratedRegex("^[0-9a-f]{8,64}$")]
    private static partial Regex StoredId();

    /// <summary>Route values holding a stored id, and route values holding a framework id.</summary>
    public static TBuilder RequireSafeIds<TBuilder>(this TBuilder builder, string[]? stored = null, string[]? frameworks = null) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var values = context.HttpContext.Request.RouteValues;
            foreach (var name in stored ?? [])
            {
                if (values.TryGetValue(name, out var value) && value is string id && !StoredId().IsMatch(id))
                {
                    throw new InvalidInputException($"编号“{(id.Length <= 40 ? id : id[..40] + "…")}”无效：应为 8–64 位小写十六进制字符。");
                }
            }
            foreach (var name in frameworks ?? [])
            {
                if (values.TryGetValue(name, out var value) && value is string id)
                {
                    FrameworkIds.Require(id);
                }
            }
            return await next(context);
        });
}

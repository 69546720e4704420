using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Access;

namespace Search.Api.Tests.Endpoints;

/// <summary>
/// Walks every route the real host maps and checks who may call it: the roles its policies allow must be the ones
/// written here, and a request with no key, a wrong key and each role's key gets 401, 401, 403 or through.
/// A route added without a line here fails, so nothing is mapped without deciding who may use it.
/// </summary>
public sealed class RoutePolicyTests(SecuredApiFactory factory) : IClassFixture<SecuredApiFactory>
{
    private const string Anyone = "anonymous";
    private static readonly string[] Readers = [Roles.Reviewer, Roles.Department, Roles.Assessor, Roles.Admin];
    private static readonly string[] Writers = [Roles.Reviewer, Roles.Department, Roles.Admin];
    private static readonly string[] Deciders = [Roles.Reviewer, Roles.Admin];
    private static readonly string[] Admins = [Roles.Admin];

    /// <summary>Every route, by method and pattern, with the roles that may call it.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["GET /health"] = [Anyone],
        ["GET /"] = [Anyone],
        ["GET /openapi/v1.json"] = Readers,
        ["POST /api/documents/"] = Writers,
        ["GET /api/documents/"] = Readers,
        ["GET /api/documents/{id}"] = Readers,
        ["GET /api/documents/{id}/original"] = Readers,
        ["DELETE /api/documents/{id}"] = Writers,
        ["GET /api/recycle-bin/"] = Writers,
        ["POST /api/recycle-bin/{id}/restore"] = Writers,
        ["DELETE /api/recycle-bin/{id}"] = Admins,
        ["GET /api/jobs/{id}"] = Readers,
        ["GET /api/search/"] = Readers,
        ["GET /api/frameworks/"] = Readers,
        ["GET /api/frameworks/{id}"] = Readers,
        ["GET /api/frameworks/{id}/indicators/{n:int}"] = Readers,
        ["GET /api/frameworks/{id}/report"] = Readers,
        ["GET /api/frameworks/{id}/units/{unit}"] = Readers,
        ["POST /api/frameworks/"] = Admins,
        ["POST /api/classify"] = Readers,
        ["GET /api/frameworks/{id}/coverage"] = Readers,
        ["GET /api/frameworks/{id}/coverage.xlsx"] = Readers,
        ["GET /api/frameworks/{id}/package.zip"] = Readers,
        ["POST /api/frameworks/{id}/indicators/{n:int}/items/{item:int}/decisions"] = Deciders,
        ["DELETE /api/frameworks/{id}/indicators/{n:int}/items/{item:int}/decisions/{documentId}"] = Deciders,
        ["GET /api/documents/{documentId}/mappings/"] = Readers,
        ["POST /api/documents/{documentId}/mappings/"] = Deciders,
        ["GET /api/web-checks/plan"] = Readers,
        ["POST /api/web-checks/"] = Readers,
        ["GET /api/web-checks/"] = Readers,
        ["GET /api/web-checks/{runId}"] = Readers,
        ["GET /api/web-checks/{runId}/report.xlsx"] = Readers,
        ["GET /api/web-checks/results/{checkId}"] = Readers,
        ["GET /api/web-checks/results/{checkId}/{file}"] = Readers,
        ["POST /api/frameworks/{id}/indicators/{number:int}/draft"] = Deciders,
        ["GET /api/frameworks/{id}/indicators/{number:int}/drafts"] = Readers,
        ["PUT /api/frameworks/{id}/indicators/{number:int}/drafts/{draftId}"] = Deciders,
        ["GET /api/index/status"] = Readers,
        ["GET /page/{**path}"] = [Anyone],
        ["GET /api/session"] = Readers,
        ["GET /api/labels"] = Readers,
        ["GET /api/overview"] = Readers,
        ["GET /api/frameworks/{id}/deadlines"] = Readers,
        ["GET /api/documents/{id}/pages/{page:int}/image"] = Readers,
        ["GET /api/documents/{id}/pages/{page:int}/highlights"] = Readers,
        ["DELETE /api/documents/{documentId}/mappings/{framework}/{number:int}"] = Deciders,
    };

    private static readonly Dictionary<string, string> Keys = new()
    {
        [Roles.Reviewer] = SecuredApiFactory.ReviewerKey,
        [Roles.Department] = SecuredApiFactory.DepartmentKey,
        [Roles.Assessor] = SecuredApiFactory.AssessorKey,
        [Roles.Admin] = SecuredApiFactory.AdminKey,
    };

    /// <summary>Every mapped route of the real application, as "METHOD pattern".</summary>
    public static IReadOnlyList<(string Route, RouteEndpoint Endpoint)> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => ($"{m} {e.RoutePattern.RawText}", e)))
            .ToList();

    [Fact]
    public void EveryRoute_HasTheExpectedRoles()
    {
        using var client = factory.CreateClient();
        var routes = Routes(factory.Services);
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        Assert.Equal(Expected.Keys.Order(), routes.Select(r => r.Route).Order());
        foreach (var (route, endpoint) in routes)
        {
            Assert.Equal(Expected[route].Order(), AllowedRoles(endpoint, policies).Order());
        }
    }

    [Fact]
    public async Task EveryRoute_AnswersEachCallerAsItsRolesSay()
    {
        var failures = new List<string>();
        foreach (var (route, endpoint) in Routes(factory.Services))
        {
            var allowed = Expected[route];
            foreach (var caller in new[] { "none", "wrong" }.Concat(Keys.Keys))
            {
                using var client = factory.CreateClient();
                var key = caller switch { "none" => null, "wrong" => "wrong-key-0123456789-x", _ => Keys[caller] };
                if (key is not null)
                {
                    client.DefaultRequestHeaders.Add("X-Api-Key", key);
                }
                using var response = await client.SendAsync(Request(route));
                var status = response.StatusCode;
                var expected = allowed.Contains(Anyone) ? "through"
                    : caller is "none" or "wrong" ? "401"
                    : allowed.Contains(caller) ? "through" : "403";
                var actual = status switch { HttpStatusCode.Unauthorized => "401", HttpStatusCode.Forbidden => "403", _ => "through" };
                // A department may be refused its own action on another unit's file with 403 by the handler; these probes touch no file.
                if (expected != actual)
                {
                    failures.Add($"{route} as {caller}: expected {expected}, got {(int)status}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The roles every one of the endpoint's policies admits (they all must pass), or anonymous.</summary>
    private static IEnumerable<string> AllowedRoles(RouteEndpoint endpoint, IAuthorizationPolicyProvider provider)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return [Anyone];
        }
        IEnumerable<string> roles = Roles.All;
        var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var policies = data.Select(d => d.Policy).OfType<string>().Select(p => provider.GetPolicyAsync(p).GetAwaiter().GetResult()!)
            .Append(provider.GetFallbackPolicyAsync().GetAwaiter().GetResult()!);
        foreach (var policy in data.Count == 0 ? [provider.GetFallbackPolicyAsync().GetAwaiter().GetResult()!] : policies.SkipLast(1))
        {
            foreach (var requirement in policy.Requirements.OfType<RolesAuthorizationRequirement>())
            {
                roles = roles.Intersect(requirement.AllowedRoles);
            }
        }
        return roles.ToList();
    }

    /// <summary>A request to the route with plausible values in its parameters and an empty body.</summary>
    public static HttpRequestMessage Request(string route, Func<string, string, string>? value = null)
    {
        var method = route[..route.IndexOf(' ')];
        var pattern = route[(route.IndexOf(' ') + 1)..];
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m => (value ?? PlausibleValue)(pattern, m.Groups[1].Value));
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return request;
    }

    public static string PlausibleValue(string pattern, string name) => name switch
    {
        "id" when pattern.StartsWith("/api/frameworks", StringComparison.Ordinal) => "shapotou-2023",
        "n" or "number" or "page" or "item" => "1",
        "framework" => "shapotou-2023",
        "unit" => Uri.EscapeDataString("区司法局"),
        "file" => "page.png",
        "documentName" => "v1",
        _ => "0123456789abcdef",
    };
}

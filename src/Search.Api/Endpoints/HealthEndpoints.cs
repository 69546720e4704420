using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Configuration;

namespace Search.Api.Endpoints;

/// <summary>Liveness: answers without authentication so that probes and operators can check the service.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("health").AllowAnonymous();
        return app;
    }

    public sealed record HealthResponse(string Status, string DataDirectory, DateTimeOffset Time);

    private static Ok<HealthResponse> GetHealth(IOptions<SearchOptions> options) =>
        TypedResults.Ok(new HealthResponse("ok", options.Value.ResolveDataDirectory(), DateTimeOffset.UtcNow));
}

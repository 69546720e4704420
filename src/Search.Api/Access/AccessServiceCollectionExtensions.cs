using Microsoft.AspNetCore.Authentication;

namespace Search.Api.Access;

/// <summary>Registers key authentication and the role policies of the API.</summary>
public static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>()
            .Bind(configuration.GetSection(AccessOptions.SectionName))
            .Validate(o => o.Users.All(u => !string.IsNullOrWhiteSpace(u.Key) && u.Key.Length >= 16), "Search:Access:Users: every user needs a Key of at least 16 characters.")
            .Validate(o => o.Users.All(u => Roles.All.Contains(u.Role)), "Search:Access:Users: Role must be reviewer, department, assessor or admin.")
            .Validate(o => o.Users.All(u => u.Role != Roles.Department || !string.IsNullOrWhiteSpace(u.Unit)), "Search:Access:Users: a department user needs a Unit.")
            .ValidateOnStart();
        services.AddSingleton<LocalCommandLineKey>();
        services.AddHostedService<OwnerPublisher>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            // A route mapped without a policy still needs a caller the service knows; /health and the page say AllowAnonymous.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Read, p => p.RequireRole(Roles.All))
            .AddPolicy(Roles.Upload, p => p.RequireRole(Roles.Reviewer, Roles.Department, Roles.Admin))
            .AddPolicy(Roles.Decide, p => p.RequireRole(Roles.Reviewer, Roles.Admin))
            .AddPolicy(Roles.Administer, p => p.RequireRole(Roles.Admin));
        return services;
    }

    /// <summary>With no users configured, listening beyond loopback would open the data to anyone: bind to 127.0.0.1 instead.</summary>
    public static void RestrictToLoopbackWithoutUsers(this WebApplicationBuilder builder)
    {
        var users = builder.Configuration.GetSection(AccessOptions.SectionName).Get<AccessOptions>()?.Users ?? [];
        if (users.Count > 0)
        {
            return;
        }
        var urls = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000";
        var loopback = urls.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(u => Uri.TryCreate(u.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0"), UriKind.Absolute, out var uri) && !(uri.IsLoopback || uri.Host == "localhost")
                ? $"{uri.Scheme}://127.0.0.1:{uri.Port}"
                : u)
            .ToList();
        var restricted = string.Join(';', loopback);
        if (restricted != urls)
        {
            builder.WebHost.UseUrls(restricted);
        }
        Console.Error.WriteLine($"未配置用户（Search:Access:Users）：仅监听本机 {restricted}，本机访问者均为管理员。No users configured: listening on loopback only.");
    }
}

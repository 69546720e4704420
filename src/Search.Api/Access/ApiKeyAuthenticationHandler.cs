using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Search.Api.Access;

/// <summary>
/// Authenticates by the key in X-Api-Key or "Authorization: Bearer". Without configured users the
/// service only listens on loopback, and every caller is the local admin.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AccessOptions> access,
    LocalCommandLineKey localKey) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>Who acts when no users are configured: whoever sits at this machine; decisions and the audit log carry this name.</summary>
    public const string LocalName = "本机用户";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers["X-Api-Key"].FirstOrDefault();
        var authorization = Request.Headers.Authorization.FirstOrDefault();
        if (key is null && authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true)
        {
            key = authorization["Bearer ".Length..].Trim();
        }
        if (!string.IsNullOrEmpty(key) && localKey.Matches(key))
        {
            return Task.FromResult(Success(LocalUser(), Roles.Admin, null));
        }
        var users = access.Value.Users;
        if (users.Count == 0)
        {
            return Task.FromResult(Success(LocalName, Roles.Admin, null));
        }
        if (string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var user = users.FirstOrDefault(u => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(u.Key), System.Text.Encoding.UTF8.GetBytes(key)));
        return Task.FromResult(user is null ? AuthenticateResult.Fail("unknown key") : Success(user.Name, user.Role, user.Unit));
    }

    /// <summary>The audit name of a local command line: the operating-system user it says it runs as.</summary>
    private string LocalUser() =>
        Request.Headers["X-Search-User"].FirstOrDefault() is { Length: > 0 } user
            ? $"{Uri.UnescapeDataString(user)}（{LocalCommandLineKey.UserName}）"
            : LocalCommandLineKey.UserName;

    private AuthenticateResult Success(string name, string role, string? unit)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (unit is not null)
        {
            claims.Add(new Claim("unit", unit));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

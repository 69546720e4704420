using Microsoft.Extensions.Options;

namespace Search.Api.Access;

/// <summary>
/// With no users configured, every local caller is an administrator and nothing but the address protects the
/// data, so a browser must not be able to act for another site: a request that changes something and carries an
/// Origin other than the service's own (a cross-site form post or fetch) is refused, and so is any request whose
/// Host is not a loopback name (a DNS-rebinding page). Command lines and scripts send no Origin and pass.
/// With users, every request needs a key in a header, which no other site can make a browser send.
/// </summary>
public sealed class LoopbackRequestGuard(RequestDelegate next, IOptions<AccessOptions> access, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (access.Value.Users.Count == 0 && Refusal(context.Request) is { } reason)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "请求被拒绝", Detail = reason },
            });
            return;
        }
        await next(context);
    }

    private static string? Refusal(HttpRequest request)
    {
        if (!IsLoopbackName(request.Host.Host))
        {
            return $"未配置用户时只接受本机地址（localhost、127.0.0.1）访问，而不是“{request.Host.Host}”。";
        }
        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var origin = request.Headers.Origin.FirstOrDefault();
        if (unsafeMethod && origin is not null && !SameOrigin(origin, request))
        {
            return $"来自其他网站（{origin}）的操作请求被拒绝：请在本服务自己的页面上操作。";
        }
        if (unsafeMethod && request.Headers["Sec-Fetch-Site"].FirstOrDefault() is "cross-site" or "same-site")
        {
            return "来自其他网站的操作请求被拒绝：请在本服务自己的页面上操作。";
        }
        return null;
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Search.Core.WebChecks;

/// <summary>
/// Keeps the server from fetching what a user must not reach through it: only http and https, and no private,
/// loopback, link-local or otherwise internal address unless the allowlist names the host or the address.
/// The same rule is applied when the connection is made, so a name that resolves differently later is caught.
/// </summary>
public sealed class AddressGuard(IOptions<WebCheckOptions> options)
{
    private readonly IReadOnlySet<string> _allowed = options.Value.AllowedHosts();

    /// <summary>Why an address may not be fetched, or null when it may.</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            return $"只允许 http 和 https 地址，拒绝 {url.Scheme}:";
        }
        if (IsAllowedHost(url.IdnHost))
        {
            return null;
        }
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return null; // An unknown name is a dead address, not a refused one; the fetch says so.
        }
        var internalAddress = addresses.FirstOrDefault(a => IsInternal(a) && !_allowed.Contains(a.ToString()));
        return internalAddress is null ? null : $"地址 {url.Host} 指向内网或本机地址 {internalAddress}，按安全规定拒绝访问";
    }

    /// <summary>The connect step of the HTTP handler: resolves the host and connects only to an address the rule allows.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        var permitted = IsAllowedHost(host)
            ? addresses
            : addresses.Where(a => !IsInternal(a) || _allowed.Contains(a.ToString())).ToArray();
        if (permitted.Length == 0)
        {
            throw new AddressRefusedException($"地址 {host} 指向内网或本机地址，按安全规定拒绝访问");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool IsAllowedHost(string host) => _allowed.Contains(host.Trim('[', ']').ToLowerInvariant());

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    /// <summary>Loopback, private, shared, link-local, multicast, reserved and unspecified ranges of IPv4 and IPv6.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19);
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc;
        }
        return true;
    }
}

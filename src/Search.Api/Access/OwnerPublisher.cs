using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Search.Core.Storage;

namespace Search.Api.Access;

/// <summary>Once the service listens, says in owner.json where, with the local command-line key, so `search ingest` and friends go through it.</summary>
public sealed class OwnerPublisher(IServer server, IHostApplicationLifetime lifetime, DataDirectoryLock owner, LocalCommandLineKey key, ILogger<OwnerPublisher> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.Select(Loopback).FirstOrDefault(u => u is not null);
            if (url is null)
            {
                return;
            }
            owner.Publish(url, key.Value);
            logger.LogInformation("This process (pid {Pid}) owns the data directory; command lines on this machine act through {Url}", owner.Owner.Pid, url);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An address a local client can reach: wildcards become 127.0.0.1.</summary>
    private static string? Loopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0").Replace("[::]", "0.0.0.0"), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            return null;
        }
        var host = uri.Host is "0.0.0.0" or "localhost" ? "127.0.0.1" : uri.Host;
        return $"http://{host}:{uri.Port}";
    }
}

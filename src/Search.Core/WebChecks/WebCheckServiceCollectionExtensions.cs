using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Search.Core.WebChecks;

/// <summary>Registers the web checks; a host with a browser replaces <see cref="IPageRenderer"/>.</summary>
public static class WebCheckServiceCollectionExtensions
{
    public static IServiceCollection AddWebChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebCheckOptions>().Bind(configuration.GetSection(WebCheckOptions.SectionName));
        services.AddSingleton<AddressGuard>();
        services.AddSingleton<PageFetcher>();
        services.AddSingleton<SnapshotStore>();
        services.TryAddSingleton<IPageRenderer, UnavailablePageRenderer>();
        services.AddSingleton<WebCheckRepository>();
        services.AddSingleton<WebCheckPlanner>();
        services.AddSingleton<WebChecker>();
        services.AddSingleton<WebCheckService>();
        services.AddHostedService<WebCheckWorker>();
        return services;
    }
}

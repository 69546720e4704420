using Microsoft.Extensions.DependencyInjection.Extensions;
using Search.Core.WebChecks;

namespace Search.Api.WebChecks;

/// <summary>Plugs the headless browser into the web checks, for the service and the command line alike.</summary>
public static class BrowserRendererServiceCollectionExtensions
{
    public static IServiceCollection AddBrowserRenderer(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IPageRenderer, PlaywrightPageRenderer>());
        return services;
    }
}

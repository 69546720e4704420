using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;

namespace Search.Core;

/// <summary>The one registration of the engine's services, shared by the API and the CLI.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddSearchCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        return services;
    }
}

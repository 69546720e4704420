using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Search.Core.Llm;

/// <summary>Registers the optional model features; they are always registered and answer "not configured" without an endpoint.</summary>
public static class LlmServiceCollectionExtensions
{
    public static IServiceCollection AddLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>()
            .Bind(configuration.GetSection(LlmOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        services.AddSingleton<LlmClient>();
        services.AddSingleton<EvidenceGatherer>();
        services.AddSingleton<DraftRepository>();
        services.AddSingleton<DraftService>();
        services.AddSingleton<EmbeddingReranker>();
        services.AddSingleton<RerankedClassification>();
        services.AddSingleton<RerankedSearch>();
        services.AddSingleton<RerankEvaluation>();
        return services;
    }
}

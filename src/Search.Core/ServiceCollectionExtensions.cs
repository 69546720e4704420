using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Coverage;
using Search.Core.Extraction;
using Search.Core.Frameworks;
using Search.Core.Indexing;
using Search.Core.Llm;
using Search.Core.Matching;
using Search.Core.Search;
using Search.Core.Ingestion;
using Search.Core.Storage;
using Search.Core.WebChecks;

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

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton<DataPaths>();
        services.AddSingleton<MetadataDatabase>();
        services.AddSingleton<BlobStore>();
        services.AddSingleton<DocumentRepository>();
        services.AddSingleton<JobRepository>();
        services.AddSingleton<AuditLog>();

        services.AddExtraction(configuration);
        services.AddEvidenceIndex(configuration);
        services.AddSingleton<FrameworkCatalog>();

        services.AddSingleton(sp => new MatchTokenizer(sp.GetRequiredService<Vocabulary>().Terms));
        services.AddSingleton<MappingDecisionRepository>();
        services.AddSingleton<Coverage.ItemDecisionRepository>();
        services.AddSingleton<Coverage.ItemDecisionService>();
        services.AddSingleton<Coverage.UnitResolver>();
        services.AddSingleton<MatcherRegistry>();
        services.AddSingleton<IDocumentMatcher, DocumentMatcher>();
        services.AddSingleton<ClassificationService>();
        services.AddSingleton<MappingService>();
        services.AddSingleton<CoverageService>();
        services.AddSingleton<EvidencePackageWriter>();
        services.AddLlm(configuration);

        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName));
        services.AddSingleton<ContentClaims>();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<IngestionWorkers>();
        services.AddSingleton<IngestionJobRunner>();
        services.AddSingleton<IngestionService>();
        services.AddOptions<RecycleBinOptions>().Bind(configuration.GetSection(RecycleBinOptions.SectionName))
            .Validate(o => o.RetentionDays >= 0, "Search:RecycleBin:RetentionDays must be 0 or more (days).")
            .Validate(o => o.PurgeIntervalMinutes > 0, "Search:RecycleBin:PurgeIntervalMinutes must be more than 0 (minutes).")
            .ValidateOnStart();
        services.AddSingleton<RecycleBin>();
        services.AddHostedService<IngestionWorker>();
        services.AddHostedService<RecycleBinPurger>();
        services.AddHostedService<CorpusBootstrapper>();
        services.AddWebChecks(configuration);
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Search;
using Search.Core.Storage;

namespace Search.Core.Indexing;

/// <summary>Registers the embedded Lucene index over {DataDirectory}/lucene, its owner's lock and projector, and the vocabulary.</summary>
public static class IndexServiceCollectionExtensions
{
    public static IServiceCollection AddEvidenceIndex(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.SectionName));
        // A host that says nothing owns the data directory (the service); the command line says per command.
        services.TryAddSingleton(IndexAccess.OwnerAs("serve"));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var corpus = options.ResolveCorpusDirectory();
            return Vocabulary.Load(corpus is null ? null : Path.Combine(corpus, "vocabulary"), sp.GetRequiredService<DataPaths>().Vocabulary);
        });
        services.TryAddSingleton(sp => DataDirectoryLock.Acquire(sp.GetRequiredService<DataPaths>(), sp.GetRequiredService<IndexAccess>().Command));
        services.AddSingleton(sp =>
        {
            var paths = sp.GetRequiredService<DataPaths>();
            var vocabulary = sp.GetRequiredService<Vocabulary>();
            if (!sp.GetRequiredService<IndexAccess>().Owner)
            {
                return LuceneEvidenceIndex.OpenReadOnly(paths.Lucene, vocabulary);
            }
            // The lock comes first: no writer is opened over a directory another process owns.
            _ = sp.GetRequiredService<DataDirectoryLock>();
            return new LuceneEvidenceIndex(paths.Lucene, vocabulary);
        });
        services.AddSingleton<IEvidenceIndex>(sp => sp.GetRequiredService<LuceneEvidenceIndex>());
        services.AddSingleton<AnalysedPassages>();
        services.AddSingleton<IndexProjection>();
        services.AddSingleton<IndexProjector>();
        services.AddSingleton<IndexConsistency>();
        services.AddHostedService<IndexProjectorStarter>();
        return services;
    }
}

/// <summary>Starts the owner's projector with the host, so the index is reconciled before the first upload is processed.</summary>
internal sealed class IndexProjectorStarter(IndexAccess access, IndexProjector projector) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (access.Owner)
        {
            projector.Start();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

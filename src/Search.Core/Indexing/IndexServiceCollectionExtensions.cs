using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Search;
using Search.Core.Storage;

namespace Search.Core.Indexing;

/// <summary>Registers the embedded Lucene index over {DataDirectory}/lucene and the vocabulary it expands queries with.</summary>
public static class IndexServiceCollectionExtensions
{
    public static IServiceCollection AddEvidenceIndex(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var corpus = options.ResolveCorpusDirectory();
            return Vocabulary.Load(corpus is null ? null : Path.Combine(corpus, "vocabulary"), sp.GetRequiredService<DataPaths>().Vocabulary);
        });
        services.AddSingleton<LuceneEvidenceIndex>(sp => new LuceneEvidenceIndex(sp.GetRequiredService<DataPaths>().Lucene, sp.GetRequiredService<Vocabulary>()));
        services.AddSingleton<IEvidenceIndex>(sp => sp.GetRequiredService<LuceneEvidenceIndex>());
        return services;
    }
}

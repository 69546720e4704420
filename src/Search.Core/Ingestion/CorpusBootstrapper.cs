using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Search.Core.Configuration;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>On the first start over an empty data directory, queues the built-in corpus for ingestion.</summary>
public sealed class CorpusBootstrapper(
    IOptions<SearchOptions> options,
    DocumentRepository documents,
    JobRepository jobs,
    IngestionService ingestion,
    ILogger<CorpusBootstrapper> logger) : IHostedService
{
    /// <summary>Folders of the corpus that hold documents (vocabulary and README are configuration, not evidence).</summary>
    public static readonly string[] DocumentFolders = ["policy", "evidence"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IngestCorpusOnFirstStart || documents.Count() > 0 || jobs.Unfinished().Count > 0)
        {
            return;
        }
        var corpus = options.Value.ResolveCorpusDirectory();
        if (corpus is null)
        {
            logger.LogWarning("No corpus folder found; starting with an empty index");
            return;
        }
        var files = FilesIn(corpus);
        if (files.Count == 0)
        {
            return;
        }
        var job = await ingestion.SubmitFilesAsync(files, "system", cancellationToken);
        logger.LogInformation("First start: ingesting {Count} corpus files from {Corpus} as job {Job}", files.Count, corpus, job.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static IReadOnlyList<JobFile> FilesIn(string corpus) =>
        DocumentFolders
            .Select(f => Path.Combine(corpus, f))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(f => new JobFile(f, "corpus/" + Path.GetRelativePath(corpus, f).Replace('\\', '/'), null)))
            .ToList();
}

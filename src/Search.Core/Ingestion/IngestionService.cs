using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>Submits files for ingestion: as a queued job (HTTP) or run in the caller (CLI); both use the same runner.</summary>
public sealed class IngestionService(JobRepository jobs, IngestionQueue queue, IngestionJobRunner runner, DataPaths paths)
{
    /// <summary>Stores uploaded streams under the data directory first, so a crash loses nothing, then queues a job.</summary>
    public async Task<IngestionJob> SubmitUploadsAsync(IReadOnlyList<(string FileName, Stream Content)> uploads, string? department, string? submittedBy, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(paths.Uploads, DateTimeOffset.UtcNow.ToString("yyyyMMdd") + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var files = new List<JobFile>();
        for (var i = 0; i < uploads.Count; i++)
        {
            var name = SafeName(uploads[i].FileName);
            var displayName = SafeRelativePath(uploads[i].FileName);
            var target = Path.Combine(folder, $"{i:D4}-{name}");
            await using (var stream = File.Create(target))
            {
                await uploads[i].Content.CopyToAsync(stream, cancellationToken);
            }
            files.Add(new JobFile(target, displayName, department));
        }
        var job = jobs.Create(files, submittedBy);
        await queue.EnqueueAsync(job.Id, cancellationToken);
        return job;
    }

    /// <summary>Queues a job for files already on disk (the built-in corpus, a server-side folder).</summary>
    public async Task<IngestionJob> SubmitFilesAsync(IReadOnlyList<JobFile> files, string? submittedBy, CancellationToken cancellationToken)
    {
        var job = jobs.Create(files, submittedBy);
        await queue.EnqueueAsync(job.Id, cancellationToken);
        return job;
    }

    /// <summary>Creates a job for files on disk and runs it now, reporting each outcome.</summary>
    public Task<IngestionJob> RunNowAsync(IReadOnlyList<JobFile> files, string? submittedBy, IProgress<IngestOutcome>? progress, CancellationToken cancellationToken)
    {
        var job = jobs.Create(files, submittedBy);
        return runner.RunAsync(job.Id, progress, cancellationToken, cancelMeansAbandon: true);
    }

    public IngestionJob? GetJob(string id) => jobs.Get(id);

    /// <summary>The relative path a browser sends for a folder upload, without empty, "." or ".." segments.</summary>
    public static string SafeRelativePath(string fileName)
    {
        var parts = fileName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p is not ("." or ".."))
            .Select(SafeName);
        var joined = string.Join('/', parts);
        return joined.Length == 0 ? "upload.bin" : joined;
    }

    /// <summary>A file name without folders or characters that could escape the upload folder.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        foreach (var c in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(c, '_');
        }
        return string.IsNullOrWhiteSpace(name) || name is "." or ".." ? "upload.bin" : name;
    }
}

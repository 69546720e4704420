using System.Security.Cryptography;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>
/// Submits files for ingestion. Every file is put into the originals store first, so the job points only at
/// stored files: a crash loses nothing, and a worker on any machine that shares the originals can take it.
/// </summary>
public sealed class IngestionService(JobRepository jobs, IngestionWorkers workers, IngestionJobRunner runner, BlobStore blobs, DataPaths paths)
{
    /// <summary>Stores uploaded streams (hashed as they are written) and queues a job for them.</summary>
    /// <param name="forItem">The material item the files are for (an upload button beside a missing item): what they store is filed as it.</param>
    public async Task<IngestionJob> SubmitUploadsAsync(IReadOnlyList<(string FileName, Stream Content)> uploads, string? department, string? submittedBy, CancellationToken cancellationToken,
        ItemTarget? forItem = null)
    {
        Directory.CreateDirectory(paths.Uploads);
        var files = new List<JobFile>();
        foreach (var (fileName, content) in uploads)
        {
            var staged = Path.Combine(paths.Uploads, Guid.NewGuid().ToString("N") + ".part");
            try
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                await using (var stream = File.Create(staged))
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                }
                var stored = blobs.Adopt(staged, Convert.ToHexStringLower(hash.GetHashAndReset()), Path.GetExtension(SafeName(fileName)));
                files.Add(new JobFile(stored, SafeRelativePath(fileName), department));
            }
            finally
            {
                File.Delete(staged);
            }
        }
        return Queue(files, submittedBy, forItem);
    }

    /// <summary>Queues a job for files on disk (the built-in corpus, a command line's files), storing them first.</summary>
    public async Task<IngestionJob> SubmitFilesAsync(IReadOnlyList<JobFile> files, string? submittedBy, CancellationToken cancellationToken)
    {
        var stored = new List<JobFile>(files.Count);
        foreach (var file in files)
        {
            // A file that cannot be read keeps its path: its outcome will say why.
            stored.Add(File.Exists(file.Path)
                ? file with { Path = await blobs.StoreAsync(file.Path, await BlobStore.HashAsync(file.Path, cancellationToken), cancellationToken) }
                : file);
        }
        return Queue(stored, submittedBy);
    }

    /// <summary>Submits files on disk and waits for their job to complete in this process, reporting each outcome.</summary>
    public async Task<IngestionJob> RunNowAsync(IReadOnlyList<JobFile> files, string? submittedBy, IProgress<IngestOutcome>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var job = await SubmitFilesAsync(files, submittedBy, cancellationToken);
        return await runner.RunAsync(job.Id, progress, cancellationToken, cancelMeansAbandon: true);
    }

    public IngestionJob? GetJob(string id) => jobs.Get(id);

    private IngestionJob Queue(IReadOnlyList<JobFile> files, string? submittedBy, ItemTarget? forItem = null)
    {
        var job = jobs.Create(files, submittedBy, forItem);
        workers.Wake();
        return job;
    }

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

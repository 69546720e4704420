using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>
/// Background loop: clears staged uploads no job needs, resumes unfinished jobs after a restart, then runs queued
/// jobs one at a time. A job that stops on an unexpected error stays unfinished and is tried again later.
/// </summary>
public sealed class IngestionWorker(IngestionQueue queue, IngestionJobRunner runner, JobRepository jobs, DataPaths paths, ILogger<IngestionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        RemoveOrphanedUploads();
        foreach (var unfinished in jobs.Unfinished())
        {
            logger.LogInformation("Resuming job {Job} left unfinished by the last run", unfinished);
            await queue.EnqueueAsync(unfinished, stoppingToken);
        }
        await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                var job = await runner.RunAsync(jobId, progress: null, stoppingToken);
                logger.LogInformation("Job {Job} finished: {Processed} processed, {Failed} failed", jobId, job.Processed, job.Failed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: the job stays unfinished and resumes at the next start.
                break;
            }
            catch (Exception e)
            {
                // A job must never take the worker down; it keeps its recorded outcomes and is tried again.
                logger.LogError(e, "Job {Job} stopped by an unexpected error; retrying in {Delay}", jobId, RetryDelay);
                _ = RequeueLaterAsync(jobId, stoppingToken);
            }
        }
    }

    private async Task RequeueLaterAsync(string jobId, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryDelay, stoppingToken);
            await queue.EnqueueAsync(jobId, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the job resumes at the next start.
        }
    }

    /// <summary>A staged upload whose job file is done (a crash came between recording it and removing the copy) is removed.</summary>
    private void RemoveOrphanedUploads()
    {
        if (!Directory.Exists(paths.Uploads))
        {
            return;
        }
        var needed = jobs.PendingPaths().Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(paths.Uploads, "*", SearchOption.AllDirectories))
        {
            if (!needed.Contains(Path.GetFullPath(file)))
            {
                File.Delete(file);
            }
        }
        foreach (var folder in Directory.EnumerateDirectories(paths.Uploads))
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Search.Core.Storage;

namespace Search.Core.Ingestion;

/// <summary>Background loop: resumes unfinished jobs after a restart, then runs queued jobs one at a time.</summary>
public sealed class IngestionWorker(IngestionQueue queue, IngestionJobRunner runner, JobRepository jobs, ILogger<IngestionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
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
                break;
            }
            catch (Exception e)
            {
                // A job must never take the worker down; the job keeps its recorded outcomes.
                logger.LogError(e, "Job {Job} stopped by an unexpected error", jobId);
                jobs.SetStatus(jobId, JobStatus.Cancelled);
            }
        }
    }
}
